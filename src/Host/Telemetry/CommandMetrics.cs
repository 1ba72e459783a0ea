using System.Diagnostics;

namespace IssueTracker.Host.Telemetry;

/// <summary>Counts every command (a non-GET under /api) by its operationId and outcome, and tags the request's span.</summary>
public sealed class CommandMetrics(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var command = context.GetEndpoint() is { } endpoint && OperationNames.EndpointMethod(endpoint.Metadata) is { } method
            ? OperationNames.For(method)
            : "unknown";
        Activity.Current?.SetTag("issuetracker.command", command);
        try
        {
            await next(context);
        }
        finally
        {
            var outcome = Outcome(context.Response.StatusCode);
            Activity.Current?.SetTag("issuetracker.outcome", outcome);
            Instruments.Commands.Add(1, new("command", command), new("outcome", outcome));
        }
    }

    public static string Outcome(int status) => status switch
    {
        < 400 => "accepted",
        400 => "invalid",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "notFound",
        409 => "conflict",
        412 => "stale",
        413 or 415 => "refused",
        422 => "idempotencyMismatch",
        503 => "unavailable",
        _ => "failed"
    };
}
