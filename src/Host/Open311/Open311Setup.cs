using IssueTracker.Host.Open311.OpenApi;
using Microsoft.AspNetCore.OpenApi;

namespace IssueTracker.Host.Open311;

public static class Open311Setup
{
    public const string Root = "/open311/v2";

    /// <summary>Clients and keys, the private-location categories, and the facade's OpenAPI description.</summary>
    public static void AddIssueTrackerOpen311(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Open311Clients.From(builder.Configuration));
        builder.Services.AddSingleton(LocationPrivacy.From(builder.Configuration));
        builder.Services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<Open311Document>();
            options.AddOperationTransformer<Open311Operations>();
        });
    }
}
