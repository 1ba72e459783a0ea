using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using IssueTracker.Host.Reliability;
using Wolverine.Marten;

namespace IssueTracker.Host.Infrastructure;

/// <summary>The answer to every accepted command: the stream and its new version.</summary>
public sealed record CommandAccepted(Guid Id, int Version);

public static class CommandResponses
{
    /// <summary>
    /// Turns a decision on a fetched issue into the HTTP answer and the events to append: a stale If-Match wins
    /// over the rules, and a rejection appends nothing.
    /// </summary>
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Respond(
        this Decision decision, Issue issue, HttpRequest request)
    {
        if (request.IfMatchFails(issue.Version) is { } stale) return (stale, []);
        if (decision.Rejection is { } rejection) return (Problems.For(rejection), []);

        var events = new Events();
        events.AddRange(decision.Events);
        var accepted = new CommandAccepted(issue.Id, issue.Version + events.Count);
        Idempotency.Remember(request.HttpContext, StatusCodes.Status200OK, accepted);
        return (TypedResults.Ok(accepted), events);
    }

    public static Created<CommandAccepted> Created(HttpRequest request, string location, CommandAccepted accepted)
    {
        Idempotency.Remember(request.HttpContext, StatusCodes.Status201Created, accepted, location);
        return TypedResults.Created(location, accepted);
    }
}
