using Scalar.AspNetCore;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document is shaped by conventions, not per-endpoint attributes: every endpoint mapped later gets its
/// operationId, tag, summary, problem responses, security and examples from these transformers.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static void AddIssueTrackerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentConventions>();
            options.AddOperationTransformer<OperationConventions>();
            options.AddSchemaTransformer<SchemaConventions>();
        });

    public static void MapIssueTrackerOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Scalar's script and styles are embedded in the package and served from /scalar itself: no CDN.
        app.MapScalarApiReference("/scalar", options => options
                .WithTitle("IssueTracker API · 议事会问题跟踪")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes(DocumentConventions.BearerScheme)
                .HideClientButton())
            .AllowAnonymous();
    }
}
