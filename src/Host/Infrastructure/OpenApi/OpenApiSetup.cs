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
            options.AddDocumentTransformer<ExactSchemas>();
            options.AddOperationTransformer<OperationConventions>();
            options.AddSchemaTransformer<SchemaConventions>();
        });

    public static void MapIssueTrackerOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Scalar's script is embedded in the package and served under /scalar; its default web fonts and telemetry
        // would call out to Scalar's hosts, which a district network may block: both are off.
        app.MapScalarApiReference("/scalar", options => options
                .WithTitle("IssueTracker API · 议事会问题跟踪")
                .WithOpenApiRoutePattern(DocumentPath)
                .AddPreferredSecuritySchemes(DocumentConventions.BearerScheme)
                .ShowOperationId()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideClientButton())
            .AllowAnonymous();
    }
}
