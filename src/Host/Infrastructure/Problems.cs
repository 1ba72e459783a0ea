using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Infrastructure;

/// <summary>RFC 9457 answers for the rules' rejections; the type URIs are stable and documented in OpenAPI.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:issuetracker:problem:";

    public static ProblemHttpResult For(Rejection rejection) => rejection switch
    {
        InvalidTransition r => Problem(StatusCodes.Status409Conflict, "invalid-transition", "Transition not allowed", r.Detail),
        Forbidden r => Problem(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for you", r.Detail),
        RuleConflict r => Problem(StatusCodes.Status409Conflict, r.Code, r.Title, r.Detail),
        InvalidInput r => TypedResults.Problem(new ValidationProblemDetails(r.Errors.ToDictionary(x => x.Key, x => x.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypePrefix + "validation",
            Title = "Invalid input",
            Detail = r.Detail
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null)
    };

    /// <summary>
    /// Wolverine answers an unreadable body with a bare 400; give it the same shape as every other invalid input: a
    /// validation type and an errors map keyed by the JSON path it names ("$.location.grid" → "location.grid").
    /// </summary>
    public static void AddJsonFieldErrors(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != "Invalid JSON format") return;
        var path = System.Text.RegularExpressions.Regex.Match(problem.Detail ?? "", @"Path: \$\.?([^ |]*)").Groups[1].Value;
        problem.Type = TypePrefix + "validation";
        problem.Title = "Invalid input";
        problem.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [path.Length == 0 ? "$" : path] = ["The body is not valid JSON of the expected shape here."]
        };
    }

    public static ProblemHttpResult Problem(int status, string type, string title, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = TypePrefix + type, Title = title, Detail = detail });

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found", $"No {what} with that id in your street.");

    /// <summary>A write lost a race on a stream's version: nothing of the request was saved.</summary>
    public static ProblemDetails ConcurrentWrite(Exception _) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = TypePrefix + "concurrent-write",
        Title = "Changed at the same time",
        Detail = "Someone else changed this record (or an issue it moves) while your request was being saved. " +
                 "Nothing was saved; reload and try again."
    };

    public static ProblemHttpResult PreconditionFailed(int current) =>
        Problem(StatusCodes.Status412PreconditionFailed, "precondition-failed", "Version mismatch",
            $"If-Match does not match the current version \"{current}\".");
}
