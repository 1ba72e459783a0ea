using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Infrastructure;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class RecordDecisionEndpoint
{
    public sealed record DuplicatedIssue(bool Exists);

    /// <summary>Looks up the issue named by "duplicateOf" in the caller's street, so the rule can tell whether it exists.</summary>
    public static async Task<DuplicatedIssue> LoadAsync(RecordDecision command, IDocumentSession session, CancellationToken ct) =>
        new(command.DuplicateOf is { } of && await session.Events.FetchStreamStateAsync(of, ct) is not null);

    /// <summary>
    /// DecisionRecorded on the meeting, IssueDiscussed and the outcome's event on the issue: all or nothing.
    /// [WriteAggregate] answers 404 when either stream is missing, hence the non-null aggregates.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/decisions"), Authorize(Roles = Who.Hosts)]
    public static Results<Ok<CommandAccepted>, ProblemHttpResult> Post(
        RecordDecision command, [WriteAggregate] IEventStream<Meeting> meeting,
        [WriteAggregate(nameof(RecordDecision.IssueId))] IEventStream<Issue> issue, DuplicatedIssue original,
        ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => meeting.Aggregate!.RecordDecision(command, issue.Aggregate!, original.Exists, user.ToActor(), clock.GetUtcNow())
            .Respond(meeting, issue, request);
}
