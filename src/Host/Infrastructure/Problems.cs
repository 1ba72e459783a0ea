using System.Text.Json.Serialization;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Infrastructure;

/// <summary>RFC 9457 answers for the rules' rejections; the type URIs are stable and documented in OpenAPI.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:issuetracker:problem:";

    public static ProblemHttpResult For(Rejection rejection) => rejection switch
    {
        InvalidTransition r => Problem(StatusCodes.Status409Conflict, "invalid-transition", "Transition not allowed", r.Detail,
            r.Why is null ? $"当前状态（{r.From}）不允许「{r.Command}」。" : null),
        Forbidden r => Problem(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for you", r.Detail),
        RuleConflict r => Problem(StatusCodes.Status409Conflict, r.Code, r.Title, r.Detail),
        AlreadyExists r => Problem(StatusCodes.Status409Conflict, "already-exists", "Already exists", r.Detail),
        NoSuchRequest r => Problem(StatusCodes.Status404NotFound, "not-found", "Not found", r.Detail),
        InvalidInput r => TypedResults.Problem(new FieldProblem(r.Errors.ToDictionary(x => x.Key, x => x.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypePrefix + r.Code,
            Title = r.Code == "validation" ? "Invalid input" : ProblemText.Codes.TryGetValue(r.Code, out var text) ? text.Title : "Invalid input",
            Detail = r.Detail,
            Extensions = { ["errorCodes"] = r.Fields.ToDictionary(x => x.Key, x => x.Value.Select(e => e.Code).ToArray()) },
            ChineseErrors = r.Fields.ToDictionary(x => x.Key, x => x.Value.Select(e => e.Chinese).ToArray())
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
        var field = path.Length == 0 ? "$" : path;
        problem.Type = TypePrefix + "validation";
        problem.Title = "Invalid input";
        problem.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [field] = ["The body is not valid JSON of the expected shape here."]
        };
        problem.Extensions["errorCodes"] = new Dictionary<string, string[]> { [field] = [ErrorCodes.BadFormat] };
    }

    public static ProblemHttpResult Problem(int status, string type, string title, string? detail = null, string? chinese = null) =>
        TypedResults.Problem(new TextProblem
        {
            Status = status, Type = TypePrefix + type, Title = title, Detail = detail, ChineseDetail = chinese
        });

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
            $"If-Match does not match the current version \"{current}\".", $"If-Match 与当前版本 \"{current}\" 不符。");

    /// <summary>A problem whose detail has its own Chinese wording (otherwise the code's general one is used).</summary>
    internal sealed class TextProblem : ProblemDetails
    {
        [JsonIgnore] public string? ChineseDetail { get; init; }
    }

    /// <summary>Field errors with their Chinese messages, swapped in for clients that ask for Chinese.</summary>
    internal sealed class FieldProblem(IDictionary<string, string[]> errors) : ValidationProblemDetails(errors)
    {
        [JsonIgnore] public IDictionary<string, string[]>? ChineseErrors { get; init; }
    }
}
