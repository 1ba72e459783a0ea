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

    /// <summary>Category and urgency choose the deadline terms of an assignment.</summary>
    public IssueCategory Category { get; init; }
    public Urgency Urgency { get; init; }

    public AssignmentDeadlines Deadlines { get; init; } = AssignmentDeadlines.None;
    public int MissedDeadlines { get; init; }
    public EscalationLevel? Escalation { get; init; }
    public PhotoCounts Photos { get; init; } = new();

    /// <summary>The street the issue belongs to: its calendar and time zone count working days.</summary>
    public string Street { get; init; } = "";

    public ExtensionRequest? Extension { get; init; }

    public static Issue Create(Guid id, IssueRaised raised) =>
        new(id, IssueStatus.Raised, raised.By.Id, null, 0) { Title = raised.Title, Category = raised.Category, Urgency = raised.Urgency };

    public static Issue Evolve(Issue state, object @event) =>
        Fold(state, @event) with { Status = IssueStatuses.After(state.Status, @event) };

    private static Issue Fold(Issue state, object @event) => @event switch
    {
        IssuePlacedOnAgenda e => state with { OnAgendaOf = e.MeetingId },
        IssueAssigned e => state with
        {
            Assignee = e.Assignee,
            Deadlines = new(state.Deadlines.Assignment + 1, e.AcknowledgeBy, e.DueBy)
        },
        AssignmentDeclined => state with { Assignee = null },
        IssueReopened e => state with { ReopenCount = e.ReopenCount },
        AcknowledgementOverdue => state with
        {
            MissedDeadlines = state.MissedDeadlines + 1,
            Deadlines = state.Deadlines with { AcknowledgementMissed = true }
        },
        ResolutionOverdue => state with
        {
            MissedDeadlines = state.MissedDeadlines + 1,
            Deadlines = state.Deadlines with { ResolutionMissed = true }
        },
        IssueEscalated e => state with
        {
            Escalation = e.Level,
            Deadlines = e.Reason == EscalationReason.LongOverdue ? state.Deadlines with { LongOverdueEscalated = true } : state.Deadlines
        },
        PhotoAttached e => state with { Photos = state.Photos.Add(e.Step) },
        ExtensionRequested e => state with
        {
            Extension = new(e.Number, state.Deadlines.Assignment, e.DueBy, e.Reason, ExtensionStatus.Pending)
        },
        ExtensionApproved e when state.Extension is { } request => state with
        {
            Extension = request with { Status = ExtensionStatus.Approved },
            // The new due date binds afresh: a miss of the old one no longer makes the resolution late.
            Deadlines = state.Deadlines with
            {
                DueBy = e.DueBy,
                ExtendedTo = e.DueBy,
                ResolutionMissed = false,
                LongOverdueEscalated = false
            }
        },
        ExtensionRejected when state.Extension is { } request => state with { Extension = request with { Status = ExtensionStatus.Rejected } },
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

/// <summary>
/// The deadlines of the issue's current assignment (numbered from 1), which of them were missed, and the due date an
/// approved extension set (its checks name it; the first due date's checks name none).
/// </summary>
public sealed record AssignmentDeadlines(
    int Assignment, DateTimeOffset? AcknowledgeBy, DateTimeOffset? DueBy,
    bool AcknowledgementMissed = false, bool ResolutionMissed = false, bool LongOverdueEscalated = false,
    DateTimeOffset? ExtendedTo = null)
{
    public static readonly AssignmentDeadlines None = new(0, null, null);

    /// <summary>When this assignment's deadlines are to be checked: acknowledgement, resolution, and the escalation grace after it.</summary>
    public IEnumerable<CheckDeadline> Checks(DeadlinePolicy policy)
    {
        if (AcknowledgeBy is { } acknowledgeBy) yield return new(DeadlineKind.Acknowledgement, Assignment, acknowledgeBy);
        foreach (var check in ResolutionChecks(policy)) yield return check;
    }

    /// <summary>The checks of the due date in force (set again when an extension moves it).</summary>
    public IEnumerable<CheckDeadline> ResolutionChecks(DeadlinePolicy policy)
    {
        if (DueBy is not { } dueBy) yield break;
        yield return new(DeadlineKind.Resolution, Assignment, dueBy, ExtendedTo);
        yield return new(DeadlineKind.EscalationGrace, Assignment, dueBy + policy.EscalationGrace, ExtendedTo);
    }
}
