using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>A deadline of one assignment has come: the timer names the assignment it was set for.</summary>
/// <param name="ResolveBy">For resolution checks, the extended due date they were set for; null for the assignment's first.</param>
public sealed record CheckDeadline(DeadlineKind Kind, int Assignment, DateTimeOffset DueAt, DateTimeOffset? ResolveBy = null)
{
    /// <summary>Set for another assignment, or for a due date an extension has since moved.</summary>
    public bool IsStale(AssignmentDeadlines current) =>
        Assignment != current.Assignment
        || (Kind != DeadlineKind.Acknowledgement && ResolveBy != current.ExtendedTo);
}

public sealed partial record Issue
{
    /// <summary>
    /// Records a missed deadline once, if the issue still waits for that step of that assignment; a reassignment,
    /// acknowledgement, resolution or approved extension since the timer was set makes it a no-op (accepted, with no events).
    /// </summary>
    public Decision CheckDeadline(CheckDeadline deadline, DateTimeOffset now)
    {
        if (deadline.IsStale(Deadlines) || Assignee is null || now < deadline.DueAt) return Decision.Accept();
        return deadline.Kind switch
        {
            DeadlineKind.Acknowledgement when IsIn(IssueStatus.Assigned) && !Deadlines.AcknowledgementMissed =>
                Decision.Accept([.. Missed(DeadlineKind.Acknowledgement, deadline.DueAt, now)]),
            DeadlineKind.Resolution when IssueStatuses.AwaitsResolution(Assignee, Status) && !Deadlines.ResolutionMissed =>
                Decision.Accept([.. Missed(DeadlineKind.Resolution, deadline.DueAt, now)]),
            DeadlineKind.EscalationGrace when IssueStatuses.AwaitsResolution(Assignee, Status) && !Deadlines.LongOverdueEscalated =>
                Decision.Accept([.. LongOverdue(now)]),
            _ => Decision.Accept()
        };
    }

    /// <summary>The overdue event, and 督办 when it is the issue's second missed deadline.</summary>
    private IEnumerable<object> Missed(DeadlineKind kind, DateTimeOffset dueAt, DateTimeOffset now)
    {
        yield return kind == DeadlineKind.Acknowledgement
            ? new AcknowledgementOverdue(Assignee!, dueAt, Actor.System, now)
            : new ResolutionOverdue(Assignee!, dueAt, Actor.System, now);
        if (MissedDeadlines + 1 == 2) yield return Escalate(EscalationReason.SecondMissedDeadline, now);
    }

    private IEnumerable<object> LongOverdue(DateTimeOffset now)
    {
        var state = this;
        if (!Deadlines.ResolutionMissed && Deadlines.DueBy is { } dueBy)
        {
            foreach (var e in Missed(DeadlineKind.Resolution, dueBy, now))
            {
                state = Evolve(state, e);
                yield return e;
            }
        }
        yield return state.Escalate(EscalationReason.LongOverdue, now);
    }

    private IssueEscalated Escalate(EscalationReason reason, DateTimeOffset now) =>
        new(Escalation is null ? EscalationLevel.StreetLeadership : EscalationLevel.DistrictLeadership, reason, Assignee,
            Actor.System, now);
}
