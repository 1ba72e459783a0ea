using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>
/// Enums travel as camelCase strings (see HttpSetup.ConfigureJson): say so next to the listed values. The shared enum
/// component must not list null (a nullable use already says so with oneOf null), or its values would mix types.
/// </summary>
internal sealed class SchemaConventions : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum || schema.Enum is not { Count: > 0 }) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        foreach (var none in schema.Enum.Where(v => v is null).ToList()) schema.Enum.Remove(none);
        return Task.CompletedTask;
    }
}
