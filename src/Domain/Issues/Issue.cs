using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>The write model: only what the rules read.</summary>
public sealed partial record Issue(Guid Id, IssueStatus Status, string RaisedBy, string? Assignee, int ReopenCount)
{
    public int Version { get; init; }

    /// <summary>Not read by the rules, but carried onto a meeting's agenda item.</summary>
    public string Title { get; init; } = "";

    /// <summary>The meeting whose agenda the issue was last placed on (what matters while it is on the agenda).</summary>
    public Guid? OnAgendaOf { get; init; }

    public static Issue Create(Guid id, IssueRaised raised) =>
        new(id, IssueStatus.Raised, raised.By.Id, null, 0) { Title = raised.Title };

    public static Issue Evolve(Issue state, object @event) => @event switch
    {
        IssuePlacedOnAgenda e => state with { Status = IssueStatus.OnAgenda, OnAgendaOf = e.MeetingId },
        IssueDiscussed => state with { Status = IssueStatus.Discussed },
        IssueAssigned e => state with { Status = IssueStatus.Assigned, Assignee = e.Assignee },
        AssignmentAcknowledged => state with { Status = IssueStatus.Acknowledged },
        AssignmentDeclined => state with { Status = IssueStatus.Declined, Assignee = null },
        ProgressReported => state with { Status = IssueStatus.InProgress },
        IssueResolved => state with { Status = IssueStatus.Resolved },
        ResolutionConfirmed { Satisfaction: not Satisfaction.Unsatisfied } => state with { Status = IssueStatus.Confirmed },
        IssueReopened e => state with { Status = IssueStatus.Reopened, ReopenCount = e.ReopenCount },
        IssueClosed => state with { Status = IssueStatus.Closed },
        IssueWithdrawn => state with { Status = IssueStatus.Withdrawn },
        IssueMarkedDuplicate => state with { Status = IssueStatus.Duplicate },
        _ => state
    };

    /// <summary>Folds a stream's events; used by tests and by anything replaying a stream by hand.</summary>
    public static Issue? Replay(Guid id, IEnumerable<object> events)
    {
        Issue? state = null;
        foreach (var e in events)
            state = state is null ? e is IssueRaised raised ? Create(id, raised) : null : Evolve(state, e);
        return state;
    }

    private bool IsIn(params IssueStatus[] statuses) => statuses.Contains(Status);

    private InvalidTransition Forbid(string command) => new(command, Status.ToWire());

    private bool IsAssignedTo(Actor by) => Assignee is not null && string.Equals(by.Org, Assignee, StringComparison.Ordinal);

    private Forbidden NotYourAssignment() =>
        new(Assignee is null
            ? "The issue is not assigned to any organisation."
            : "The issue is assigned to another organisation.");
}
