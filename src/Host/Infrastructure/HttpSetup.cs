using System.Text.Json;
using System.Text.Json.Serialization;
using HealthChecks.NpgSql;
using IssueTracker.Host.Boards;
using IssueTracker.Host.Reliability;
using IssueTracker.Host.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Wolverine.Http.Marten;

namespace IssueTracker.Host.Infrastructure;

public static class HttpSetup
{
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Numbers are numbers: "12" for a grid is invalid input, and the OpenAPI types say integer, not integer-or-string.
        json.NumberHandling = JsonNumberHandling.Strict;
    }

    public static void AddIssueTrackerHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemText.Customize);
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemsWhateverIsAccepted>();
        builder.Services.AddExceptionHandler<FailureResponses>();
        builder.Services.AddSingleton<KeyGates>();
        // Wolverine logs every body it cannot deserialize at error level, under the request type's name (our command
        // records in IssueTracker.Domain): that is the client's 400, not an operator's problem, and not worth a log
        // line that sits next to residents' data.
        builder.Logging.AddFilter("IssueTracker.Domain", LogLevel.None);
        builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddWolverineHttp();
        builder.Services.AddIssueTrackerOpenApi();
        builder.Services.AddHealthChecks()
            .AddNpgSql(builder.Configuration.ConnectionString(), name: "postgresql", tags: ["ready"],
                timeout: TimeSpan.FromSeconds(3));
    }

    public static void UseIssueTrackerHttp(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ScalarScriptFile>();
        app.UseMiddleware<DatabaseStartupGate>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseIssueTrackerTelemetry();
        app.UseMiddleware<RequestLimits>();
        app.UseMiddleware<StorableText>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<KnownQueryParameters>();
        app.UseMiddleware<Idempotency>();

        app.MapIssueTrackerOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .AllowAnonymous();

        app.MapBoardPage();
        app.MapWolverineEndpoints(options =>
        {
            options.TenantId.IsClaimTypeNamed(Claims.Street);
            options.RejectUnparseableQueryValues = true;
            options.MapMartenConcurrencyFailuresToConflict(toProblemDetails: Problems.ConcurrentWrite);
            options.AddPolicy<IdempotentAnswers.Policy>();
        });
    }
}
