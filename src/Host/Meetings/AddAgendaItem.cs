using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using JasperFx.Events;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class AddAgendaItemEndpoint
{
    public static AddAgendaItem Example => new(Examples.SomeIssue);

    /// <summary>
    /// AgendaItemAdded on the meeting and IssuePlacedOnAgenda on the issue, together. [WriteAggregate] answers 404
    /// when either the meeting or the issue is missing in the caller's street, hence the non-null aggregates.
    /// </summary>
    [ApiOperation("Put an issue on a meeting's agenda", "列入议程")]
    [WolverinePost("/api/meetings/{meetingId}/agenda"), Authorize(Roles = Who.Hosts)]
    public static Results<Ok<CommandAccepted>, ProblemHttpResult> Post(
        AddAgendaItem command, [WriteAggregate] IEventStream<Meeting> meeting,
        [WriteAggregate(nameof(AddAgendaItem.IssueId))] IEventStream<Issue> issue,
        ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => meeting.Aggregate!.AddAgendaItem(command, issue.Aggregate!, user.ToActor(), clock.GetUtcNow())
            .Respond(meeting, issue, request);
}
