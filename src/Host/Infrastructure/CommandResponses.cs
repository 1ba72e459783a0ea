using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;
using JasperFx.Events;
using Wolverine.Marten;

namespace IssueTracker.Host.Infrastructure;

/// <summary>An answer to an accepted write, which a retry with the same Idempotency-Key replays.</summary>
public interface IAcceptedAnswer;

/// <summary>The answer to every accepted command: the stream and its new version.</summary>
public sealed record CommandAccepted(Guid Id, int Version) : IAcceptedAnswer;

public static class CommandResponses
{
    /// <summary>
    /// Turns a decision on a fetched issue into the HTTP answer and the events to append: a stale If-Match wins
    /// over the rules, and a rejection appends nothing.
    /// </summary>
    /// <remarks>Takes only a supervised decision (<see cref="Issue.Decide"/>): no endpoint can append unsupervised.</remarks>
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Respond(
        this Supervised decided, Issue issue, HttpRequest request) => decided.Decision.Respond(issue.Id, issue.Version, request);

    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Respond(
        this Decision decision, Meeting meeting, HttpRequest request) => decision.Respond(meeting.Id, meeting.Version, request);

    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Respond(
        this Decision decision, Guid id, int version, HttpRequest request)
    {
        if (request.IfMatchFails(version) is { } stale) return (stale, []);
        if (decision.Rejection is { } rejection) return (Problems.For(rejection), []);

        var events = new Events();
        events.AddRange(decision.Events);
        return (TypedResults.Ok(new CommandAccepted(id, version + events.Count)), events);
    }

    /// <summary>
    /// A meeting step that also moves an issue: both streams were fetched for writing in the same session, so the one
    /// SaveChanges commits both appends or neither (a version conflict on either stream fails the whole request).
    /// </summary>
    public static Results<Ok<CommandAccepted>, ProblemHttpResult> Respond(
        this JointDecision decision, IEventStream<Meeting> meeting, IEventStream<Issue> issue, HttpRequest request)
    {
        // [WriteAggregate] has already answered 404 when either stream is missing.
        var version = meeting.Aggregate!.Version;
        if (request.IfMatchFails(version) is { } stale) return stale;
        if (decision.Rejection is { } rejection) return Problems.For(rejection);

        meeting.AppendMany(decision.ForMeeting.Events);
        issue.AppendMany(decision.ForIssue.Events);
        return TypedResults.Ok(new CommandAccepted(meeting.Id, version + decision.ForMeeting.Events.Count));
    }

    /// <summary>Starts a new stream under <paramref name="collection"/> (e.g. /api/issues) with the decision's events.</summary>
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) StartStream<T>(
        this Decision decision, string collection, HttpRequest request) where T : class
    {
        if (decision.Rejection is { } rejection) return (Problems.For(rejection), MartenOps.Nothing());

        var id = Guid.CreateVersion7();
        var location = $"{collection}/{id}";
        var accepted = new CommandAccepted(id, decision.Events.Count);
        return (TypedResults.Created(location, accepted), MartenOps.StartStream<T>(id, [.. decision.Events]));
    }
}
