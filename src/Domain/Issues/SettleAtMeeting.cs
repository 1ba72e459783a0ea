using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>The issue's side of a meeting's decision: it was discussed, and the outcome moves it on.</summary>
public sealed record SettleAtMeeting(Guid MeetingId, DecisionRecorded Decided);

public sealed partial record Issue
{
    public Decision SettleAtMeeting(SettleAtMeeting command, Actor by, DateTimeOffset now)
    {
        if (!IsIn(IssueStatus.OnAgenda)) return Forbid("record decision");
        if (OnAgendaOf != command.MeetingId)
            return new InvalidTransition("record decision", Status.ToWire(), "The issue is on another meeting's agenda.");

        var d = command.Decided;
        object outcome = d.Outcome switch
        {
            DecisionOutcome.Assign => new IssueAssigned(d.Assignee!, d.DueBy, d.Decision, by, now),
            DecisionOutcome.NoAction => new IssueClosed(CloseOutcome.NoAction, d.Reason, null, by, now),
            DecisionOutcome.Refer => new IssueClosed(CloseOutcome.Referred, d.Reason ?? d.Decision, d.ReferredTo, by, now),
            DecisionOutcome.Duplicate => new IssueMarkedDuplicate(d.DuplicateOf!.Value, by, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), d.Outcome, "Unknown decision outcome.")
        };
        return Decision.Accept(new IssueDiscussed(command.MeetingId, d.Decision, by, now), outcome);
    }
}
