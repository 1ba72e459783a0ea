using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>
/// Says exactly what the server does, for generated clients: in a request body only the members marked
/// <see cref="RequiredAttribute"/> are required (and never null); every other member may be left out or null. In an
/// answer every member is always present (nulls are written), so every property is required and nullable only as
/// its C# type is. Stored-only members are not part of the contract.
/// </summary>
internal sealed class ExactSchemas : IOpenApiDocumentTransformer
{
    private static readonly HashSet<string> Own = [DocumentConventions.Problem, DocumentConventions.ValidationProblem];
    private static readonly HashSet<string> NeverServed = ["searchGrams"];

    /// <summary>Answer members written as null for readers who do not see residents' private data (AttendeePrivacy).</summary>
    private static readonly Dictionary<string, string[]> NullForOthers = new() { ["Attendee"] = ["name"] };

    private static readonly Lazy<Dictionary<string, Type>> Types = new(() =>
        new[] { typeof(Domain.Shared.Actor).Assembly, typeof(Projections.IssueDetails.IssueDetails).Assembly, typeof(ExactSchemas).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsPublic || t.IsNestedPublic)
            .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First()));

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return Task.CompletedTask;
        var inputs = Inputs(document, schemas);
        foreach (var (name, component) in schemas)
        {
            if (Own.Contains(name) || component is not OpenApiSchema { Properties.Count: > 0 } schema) continue;
            foreach (var hidden in NeverServed) schema.Properties!.Remove(hidden);
            if (inputs.Contains(name) && Types.Value.TryGetValue(name, out var type))
            {
                var required = type.GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null)
                    .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
                schema.Required = required;
                foreach (var member in required.Where(schema.Properties!.ContainsKey)) schema.Properties![member] = NotNull(schema.Properties[member]);
            }
            else schema.Required = schema.Properties!.Keys.ToHashSet();
            foreach (var member in NullForOthers.GetValueOrDefault(name, []))
                if (schema.Properties!.TryGetValue(member, out var hidden) && hidden is OpenApiSchema { Type: { } served } plain)
                    plain.Type = served | JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }

    /// <summary>Request body components and every component they reach.</summary>
    private static HashSet<string> Inputs(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        var found = new HashSet<string>();
        var pending = new Stack<string>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            foreach (var media in operation.RequestBody?.Content?.Values.AsEnumerable() ?? [])
                if (RefName(media.Schema) is { } name) pending.Push(name);
        while (pending.TryPop(out var name))
        {
            if (!found.Add(name) || !schemas.TryGetValue(name, out var schema)) continue;
            foreach (var reached in Reached(schema)) pending.Push(reached);
        }
        return found;
    }

    private static IEnumerable<string> Reached(IOpenApiSchema schema)
    {
        if (RefName(schema) is { } name) { yield return name; yield break; }
        var children = (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []);
        if (schema.Items is not null) children = children.Append(schema.Items);
        foreach (var child in children)
            foreach (var reached in Reached(child)) yield return reached;
    }

    private static string? RefName(IOpenApiSchema? schema) => (schema as OpenApiSchemaReference)?.Reference.Id;

    private static IOpenApiSchema NotNull(IOpenApiSchema member)
    {
        if (member is OpenApiSchema { OneOf.Count: 2 } choice && choice.OneOf.FirstOrDefault(s => s is OpenApiSchemaReference) is { } only
            && choice.OneOf.Any(s => s is OpenApiSchema { Type: JsonSchemaType.Null }))
            return only;
        if (member is OpenApiSchema { Type: { } type } plain && type.HasFlag(JsonSchemaType.Null)) plain.Type = type & ~JsonSchemaType.Null;
        return member;
    }
}
