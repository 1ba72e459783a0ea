using IssueTracker.Projections.IssueDetails;
using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class RecordDecisionEndpoint
{
    public sealed record DuplicatedIssue(bool Exists);

    /// <summary>Looks up the issue named by "duplicateOf" in the caller's street (an issue: a meeting's id is no original), so the rule can tell whether it exists.</summary>
    public static async Task<DuplicatedIssue> LoadAsync(RecordDecision command, IDocumentSession session, CancellationToken ct) =>
        new(command.DuplicateOf is { } of && await session.LoadAsync<IssueDetails>(of, ct) is not null);

    /// <summary>
    /// DecisionRecorded on the meeting, IssueDiscussed and the outcome's event on the issue: all or nothing.
    /// [WriteAggregate] answers 404 when either stream is missing, hence the non-null aggregates.
    /// </summary>
    /// <remarks>An assign outcome gets the category's deadlines, and their timers go out in the same transaction.</remarks>
    [WolverinePost("/api/meetings/{meetingId}/decisions"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, OutgoingMessages) Post(
        RecordDecision command, [WriteAggregate] IEventStream<Meeting> meeting,
        [WriteAggregate(nameof(RecordDecision.IssueId))] IEventStream<Issue> issue, DuplicatedIssue original,
        ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy, HttpRequest request)
    {
        var now = clock.GetUtcNow();
        var decided = meeting.Aggregate!.RecordDecision(command, issue.Aggregate!, original.Exists, user.ToActor(), now);
        var forIssue = issue.Aggregate!.Decide(decided.ForIssue, policy, now);
        var answer = (decided with { ForIssue = forIssue.Decision }).Respond(meeting, issue, request);
        return (answer, answer.Result is Ok<CommandAccepted> ? DeadlineTimers.For(issue.Aggregate!, forIssue) : []);
    }
}
