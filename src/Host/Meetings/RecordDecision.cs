using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Organisations;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;
using JasperFx.Events;
using Wolverine;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class RecordDecisionEndpoint
{
    public static RecordDecision Example => new(Examples.SomeIssue, "由红色物业限期拆除私装地锁，社区网格员跟踪。",
        DecisionOutcome.Assign, "hongse-wuye", Examples.Friday, null, null, null);

    public sealed record DecisionReferences(bool DuplicateExists, ListedAssignee Assignee);

    /// <summary>
    /// Looks up what the decision names in the caller's street, so the rules can tell whether the issue named by
    /// "duplicateOf" exists (an issue: a meeting's id is no original) and whether "assignee" is an active organisation of the directory.
    /// </summary>
    public static async Task<DecisionReferences> LoadAsync(RecordDecision command, IDocumentSession session, CancellationToken ct) =>
        new(command.DuplicateOf is { } of && await session.LoadAsync<IssueDetails>(of, ct) is not null,
            command.Outcome == DecisionOutcome.Assign ? await ListedAssignee.LoadAsync(session, command.Assignee, ct) : new ListedAssignee(null));

    /// <summary>
    /// DecisionRecorded on the meeting, IssueDiscussed and the outcome's event on the issue: all or nothing.
    /// [WriteAggregate] answers 404 when either stream is missing, hence the non-null aggregates.
    /// </summary>
    /// <remarks>An assign outcome gets the category's deadlines, and their timers go out in the same transaction.</remarks>
    [ApiOperation("Record a meeting's decision on an agenda issue", "记录议事会决定",
        Description = "An assign outcome needs an active organisation of the directory.",
        ChineseDescription = "交办须选择名录中在用的责任单位。")]
    [WolverinePost("/api/meetings/{meetingId}/decisions"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, OutgoingMessages) Post(
        RecordDecision command, [WriteAggregate] IEventStream<Meeting> meeting,
        [WriteAggregate(nameof(RecordDecision.IssueId))] IEventStream<Issue> issue, DecisionReferences references,
        ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy, HttpRequest request)
    {
        var now = clock.GetUtcNow();
        var decided = meeting.Aggregate!.RecordDecision(command, issue.Aggregate!, references.DuplicateExists, user.ToActor(), now)
            .RequireListed(references.Assignee.IsActive);
        var forIssue = issue.Aggregate!.Decide(decided.ForIssue, policy, now);
        var answer = (decided with { ForIssue = forIssue.Decision }).Respond(meeting, issue, request);
        return (answer, answer.Result is Ok<CommandAccepted> ? DeadlineTimers.For(issue.Aggregate!, forIssue) : []);
    }
}
