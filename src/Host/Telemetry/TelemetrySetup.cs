using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IssueTracker.Host.Telemetry;

/// <summary>
/// Traces and metrics of ASP.NET Core, Wolverine, Marten, Npgsql and our own instruments. They are exported over OTLP
/// only when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables tune it); otherwise nothing leaves the
/// process.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "issuetracker";

    public static void AddIssueTrackerTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(TelemetrySetup).Assembly
                .GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource("Wolverine", "Marten", Instruments.Name)
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Wolverine*", "Marten", Instruments.Name)
                .AddNpgsqlInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();

        builder.Services.AddSingleton<ProjectionLagSampler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ProjectionLagSampler>());
    }

    public static void UseIssueTrackerTelemetry(this WebApplication app) => app.UseMiddleware<CommandMetrics>();
}
