using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>
/// Per-operation conventions derived from the endpoint itself (its class, route, verb and authorization), so an
/// endpoint added later is described like the others without attributes of its own.
/// </summary>
internal sealed class OperationConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var document = context.Document!;
        var route = "/" + (description.RelativePath ?? "").TrimStart('/');
        var metadata = description.ActionDescriptor.EndpointMetadata;

        operation.OperationId = OperationNames.For(description);
        operation.Summary = OperationSummaries.For(operation.OperationId);
        operation.Description = Roles(metadata) is { } roles ? $"Who: {roles}." : operation.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(ApiTags.For(route).Name, document) };

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (anonymous) operation.Security = [];
        if (!route.StartsWith("/api", StringComparison.OrdinalIgnoreCase)) return Task.CompletedTask;

        var isCommand = !HttpMethods.IsGet(description.HttpMethod ?? "GET");
        var hasId = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var hasQuery = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);
        var responses = operation.Responses ??= new OpenApiResponses();
        if (!hasId) responses.Remove("404");

        var problems = new ProblemResponses(document, responses);
        if (!anonymous) problems.Add(401);
        if (Roles(metadata) is not null) problems.Add(403);
        if (hasId) problems.Add(404);
        problems.Add(503);

        if (isCommand)
        {
            problems.Add(400, validation: true);
            problems.Add(409);
            problems.Add(413);
            problems.Add(415);
            problems.Add(422);
            operation.Parameters ??= [];
            operation.Parameters.Add(Header("Idempotency-Key",
                "Any unique string: the same key and body again gives the same answer and appends nothing; " +
                "the same key with another body is 422.", "3f2c9a7e-raise-地锁"));
            if (hasId)
            {
                problems.Add(412);
                operation.Parameters.Add(Header("If-Match",
                    "The ETag (quoted version) the change is based on; a stale one is 412.", "\"3\""));
            }
            RequestExamples.Apply(operation, description);
        }
        else if (hasQuery) problems.Add(400, validation: true);

        return Task.CompletedTask;
    }

    private static string? Roles(IList<object> metadata)
    {
        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).ToList();
        return roles.Count == 0 ? null : string.Join("; ", roles.Select(r => r!.Replace(",", ", ")));
    }

    private static OpenApiParameter Header(string name, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = System.Text.Json.Nodes.JsonValue.Create(example)
    };
}

/// <summary>operationId from the endpoint's class (RaiseIssueEndpoint.Post → raiseIssue), else from verb and route.</summary>
public static class OperationNames
{
    public static string For(ApiDescription description) =>
        EndpointMethod(description.ActionDescriptor.EndpointMetadata, description.ActionDescriptor) is { } method
            ? For(method)
            : Camel((description.HttpMethod ?? "get").ToLowerInvariant() + "_" + description.RelativePath);

    public static string For(MethodInfo method)
    {
        var type = method.DeclaringType!;
        var name = type.Name.EndsWith("Endpoint", StringComparison.Ordinal) ? type.Name[..^"Endpoint".Length] : type.Name;
        var endpoints = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Count(m => m.GetCustomAttributes().Any(a => a.GetType().Name.StartsWith("Wolverine", StringComparison.Ordinal)));
        return Camel(endpoints > 1 ? name + method.Name : name);
    }

    public static MethodInfo? EndpointMethod(IEnumerable<object> metadata, object? actionDescriptor = null) =>
        metadata.OfType<MethodInfo>().FirstOrDefault()
        ?? (actionDescriptor as Wolverine.Http.WolverineActionDescriptor)?.Chain.Method.Method
        ?? metadata.OfType<Wolverine.Http.HttpChain>().FirstOrDefault()?.Method.Method;

    private static string Camel(string value)
    {
        var parts = value.Split(['/', '_', '-', '{', '}', '.'], StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return char.ToLowerInvariant(joined[0]) + joined[1..];
    }
}
