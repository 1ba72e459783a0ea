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

    public static Issue Create(Guid id, IssueRaised raised) =>
        new(id, IssueStatus.Raised, raised.By.Id, null, 0) { Title = raised.Title, Category = raised.Category, Urgency = raised.Urgency };

    public static Issue Evolve(Issue state, object @event) =>
        Fold(state, @event) with { Status = IssueStatuses.After(state.Status, @event) };

    private static Issue Fold(Issue state, object @event) => @event switch
    {
        IssuePlacedOnAgenda e => state with { OnAgendaOf = e.MeetingId },
        IssueAssigned e => state with
        {
            Assignee = e.Assignee, Deadlines = new(state.Deadlines.Assignment + 1, e.AcknowledgeBy, e.DueBy)
        },
        AssignmentDeclined => state with { Assignee = null },
        IssueReopened e => state with { ReopenCount = e.ReopenCount },
        AcknowledgementOverdue => state with
        {
            MissedDeadlines = state.MissedDeadlines + 1, Deadlines = state.Deadlines with { AcknowledgementMissed = true }
        },
        ResolutionOverdue => state with
        {
            MissedDeadlines = state.MissedDeadlines + 1, Deadlines = state.Deadlines with { ResolutionMissed = true }
        },
        IssueEscalated e => state with
        {
            Escalation = e.Level,
            Deadlines = e.Reason == EscalationReason.LongOverdue ? state.Deadlines with { LongOverdueEscalated = true } : state.Deadlines
        },
        PhotoAttached e => state with { Photos = state.Photos.Add(e.Step) },
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

/// <summary>The deadlines of the issue's current assignment (numbered from 1) and which of them were missed.</summary>
public sealed record AssignmentDeadlines(
    int Assignment, DateTimeOffset? AcknowledgeBy, DateTimeOffset? DueBy,
    bool AcknowledgementMissed = false, bool ResolutionMissed = false, bool LongOverdueEscalated = false)
{
    public static readonly AssignmentDeadlines None = new(0, null, null);

    /// <summary>When this assignment's deadlines are to be checked: acknowledgement, resolution, and the escalation grace after it.</summary>
    public IEnumerable<CheckDeadline> Checks(DeadlinePolicy policy)
    {
        if (AcknowledgeBy is { } acknowledgeBy) yield return new(DeadlineKind.Acknowledgement, Assignment, acknowledgeBy);
        if (DueBy is not { } dueBy) yield break;
        yield return new(DeadlineKind.Resolution, Assignment, dueBy);
        yield return new(DeadlineKind.EscalationGrace, Assignment, dueBy + policy.EscalationGrace);
    }
}
