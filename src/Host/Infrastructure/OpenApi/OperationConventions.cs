using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        var method = OperationNames.EndpointMethod(metadata, description.ActionDescriptor);
        var own = method?.GetCustomAttribute<ApiOperationAttribute>();
        operation.Summary = own is null ? OperationNames.Words(operation.OperationId) : $"{own.Summary} · {own.ChineseSummary}";
        operation.Description = string.Join("\n\n", new[]
        {
            Roles(metadata) is { } roles ? $"Who (谁可调用): {roles}." : null, own?.Description, own?.ChineseDescription
        }.Where(x => x is not null));
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
                "the same key with another body is 422. A fresh UUID per attempted change is the simple choice.",
                "3f2c9a7e-5b1d-4c8e-9a2f-6d7e8f901234"));
            if (hasId)
            {
                problems.Add(412);
                operation.Parameters.Add(Header("If-Match",
                    "The ETag (quoted version, from the GET) the change is based on; a stale one is 412. Leave it out to " +
                    "change whatever the current version is.", null));
            }
            ApplyExample(operation, method);
        }
        else if (hasQuery) problems.Add(400, validation: true);

        Headers(operation, responses, isCommand);
        QueryValues(operation);
        MediaTypes(operation, responses, document);

        return Task.CompletedTask;
    }

    /// <summary>The headers the server sends, declared on the answers that carry them.</summary>
    private static void Headers(OpenApiOperation operation, OpenApiResponses responses, bool isCommand)
    {
        static void Add(IOpenApiResponse? response, string name, string description, string? format = null)
        {
            if (response is not OpenApiResponse concrete) return;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[name] = new OpenApiHeader
            {
                Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = format }
            };
        }
        if (responses.TryGetValue("201", out var created)) Add(created, "Location", "The new resource's path.", "uri-reference");
        if (isCommand)
            foreach (var status in new[] { "200", "201" })
                if (responses.TryGetValue(status, out var answer))
                    Add(answer, "Idempotent-Replayed", "\"true\" when this is the stored answer to an earlier request with the same Idempotency-Key.");
        if (operation.OperationId is "getIssue" or "getOrganisation" && responses.TryGetValue("200", out var read))
            Add(read, "ETag", "The quoted version, for If-Match on the next change.");
        if (responses.TryGetValue("503", out var unavailable)) Add(unavailable, "Retry-After", "Seconds to wait before retrying.");
    }

    /// <summary>What is not JSON says so: the CSV export, the board's event stream; the verify answer has two shapes.</summary>
    private static void MediaTypes(OpenApiOperation operation, OpenApiResponses responses, OpenApiDocument document)
    {
        if (!responses.TryGetValue("200", out var ok) || ok is not OpenApiResponse answer) return;
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        switch (operation.OperationId)
        {
            case "getHistory" when answer.Content?.ContainsKey("text/csv") == true:
                answer.Content["text/csv"] = new OpenApiMediaType { Schema = text };
                break;
            case "exportIssues" or "getMinutesDocument" when answer.Content is { } files:
                foreach (var type in files.Keys.ToList())
                    files[type] = new OpenApiMediaType
                    {
                        Schema = type == "text/csv" ? text : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }
                    };
                break;
            case "watchBoard":
                answer.Description = "Server-sent events: one `change` event whenever the boards change.";
                answer.Content = new Dictionary<string, OpenApiMediaType> { ["text/event-stream"] = new() { Schema = text } };
                break;
            case "verifyHistory" when answer.Content?.TryGetValue("application/json", out var json) == true:
                document.Components!.Schemas![nameof(Audit.BrokenChain)] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The chain does not verify: the first version whose hash does not match, and why.",
                    Required = new HashSet<string> { "valid", "firstInvalidVersion", "reason" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["valid"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(false)!] },
                        ["firstInvalidVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                        ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String }
                    }
                };
                json.Schema = new OpenApiSchema
                {
                    OneOf = [new OpenApiSchemaReference(nameof(Audit.ValidChain), document), new OpenApiSchemaReference(nameof(Audit.BrokenChain), document)]
                };
                break;
        }
    }

    /// <summary>Query values that are a closed set or a time say so (they are 400 otherwise).</summary>
    private static void QueryValues(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            string[]? values = (operation.OperationId, parameter.Name) switch
            {
                ("listIssues", "status") => Enum.GetNames<Domain.Issues.IssueStatus>().Select(Domain.Issues.IssueStatuses.JsonName).ToArray(),
                ("listIssues", "category") => Enum.GetNames<Domain.Issues.IssueCategory>().Select(Domain.Issues.IssueStatuses.JsonName).ToArray(),
                ("listIssues", "sort") => Issues.IssueFilter.Sorts,
                ("getStatusBoard", "groupBy") => ["community", "grid", "category"],
                ("getHistory", "format") => ["json", "csv"],
                _ => null
            };
            if (values is not null)
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList() };
            if (parameter.Name is "at") parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
        }
    }

    /// <summary>The endpoint class's static Example property, serialised as the API reads bodies.</summary>
    private static void ApplyExample(OpenApiOperation operation, MethodInfo? method)
    {
        var example = method?.DeclaringType?.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            // The volunteer service keeps its bodies in one table (VolunteerExamples) keyed by the command's type.
            ?? method?.GetParameters().Select(p => Volunteers.VolunteerExamples.Bodies.GetValueOrDefault(p.ParameterType))
                .FirstOrDefault(body => body is not null);
        if (example is null || operation.RequestBody?.Content?.TryGetValue("application/json", out var media) is not true) return;
        media!.Example = JsonSerializer.SerializeToNode(example, example.GetType(), JsonDefaults.Options);
    }

    private static string? Roles(IList<object> metadata)
    {
        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).ToList();
        return roles.Count == 0 ? null : string.Join("; ", roles.Select(r => r!.Replace(",", ", ")));
    }

    private static OpenApiParameter Header(string name, string description, string? example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = example is null ? null : System.Text.Json.Nodes.JsonValue.Create(example)
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

    /// <summary>An operationId in words ("getStatusBoard" → "Get status board"), for endpoints without their own summary.</summary>
    public static string Words(string operationId)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(operationId, "(?<!^)([A-Z])", " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Camel(string value)
    {
        var parts = value.Split(['/', '_', '-', '{', '}', '.'], StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return char.ToLowerInvariant(joined[0]) + joined[1..];
    }
}
