using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>Document-wide parts: who the API is for, the bearer scheme, the tags and the problem-details schemas.</summary>
internal sealed class DocumentConventions : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "ValidationProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "IssueTracker API",
            Version = "1.0.0",
            Description = "Event-sourced tracking of the problems residents bring to a street's discussion meetings " +
                          "(党群议事会): raise, discuss, assign, resolve and confirm issues, run meetings, audit every step. " +
                          "Errors are RFC 9457 problem details whose `type` is `urn:issuetracker:problem:<code>`, with `code` and, for invalid input, " +
                          "`errors` and `errorCodes` per field; `Accept-Language: zh` gives Chinese messages.",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" }
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "This service" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT with the claims sub, name, role (host | reporter | assignee | auditor | admin), " +
                          "street (the tenant) and, for assignees, org."
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        // Operations are transformed before the document: list only the tags they use, so no empty group shows.
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Where(t => used.Contains(t.Name))
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema(withErrors: false);
        document.Components.Schemas[ValidationProblem] = ProblemSchema(withErrors: true);
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema(bool withErrors)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = withErrors ? "RFC 9457 problem details with an error list per field." : "RFC 9457 problem details.",
            Required = new HashSet<string> { "type", "code", "title", "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("urn:issuetracker:problem:invalid-transition")] },
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Description = "The type's suffix: a stable kebab-case code to act on.",
                    Enum = ProblemText.Codes.Keys.Select(c => (JsonNode)JsonValue.Create(c)!).ToList()
                },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "English, or Chinese for Accept-Language: zh." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id." }
            }
        };
        if (withErrors)
            schema.Properties["errorCodes"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Codes per field (camelCase), in the same order as the messages in errors.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = Domain.Shared.ErrorCodes.All.Select(c => (JsonNode)JsonValue.Create(c)!).ToList()
                    }
                }
            };
        if (withErrors)
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field (camelCase field names).",
                AdditionalProperties = new OpenApiSchema
                { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
            };
        return schema;
    }
}
