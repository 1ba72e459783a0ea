using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Open311.OpenApi;

/// <summary>The facade's tag and the schemas of its JSON answers.</summary>
internal sealed class Open311Document : IOpenApiDocumentTransformer
{
    public static readonly OpenApiTag Tag = new()
    {
        Name = "open311",
        Description = "Open311 GeoReport v2 with mySociety's servicerequestupdates, for FixMyStreet and other front ends (its own wire format)."
    };

    public const string Answer = "Open311Answer";
    public const string Errors = "Open311Errors";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        if (!document.Paths.Keys.Any(p => p.StartsWith(Open311Setup.Root, StringComparison.Ordinal))) return Task.CompletedTask;
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(Tag);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Answer] = new OpenApiSchema
        {
            Description = "A GeoReport v2 answer: an array of objects for lists (services, service_requests, updates), an object otherwise.",
            OneOf =
            [
                new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                new OpenApiSchema { Type = JsonSchemaType.Object }
            ]
        };
        document.Components.Schemas[Errors] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "GeoReport v2 errors.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "code", "description" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status." },
                    ["description"] = new OpenApiSchema { Type = JsonSchemaType.String }
                }
            }
        };
        return Task.CompletedTask;
    }
}
