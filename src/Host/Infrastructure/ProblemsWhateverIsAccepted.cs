using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// A refusal is problem+json even for a client that accepts only something else (Accept: text/csv for the history's
/// CSV): ASP.NET's own writer then declines, and the client would get a plain-text "Status Code: 403" instead of the
/// problem the contract promises. Asked after that writer, so it only answers what it leaves.
/// </summary>
public sealed class ProblemsWhateverIsAccepted(IOptions<ProblemDetailsOptions> problems, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions,
            "application/problem+json", context.HttpContext.RequestAborted));
    }
}
