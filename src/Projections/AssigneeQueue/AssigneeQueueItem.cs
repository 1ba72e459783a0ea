using IssueTracker.Domain.Issues;
using IssueTracker.Projections.Issues;

namespace IssueTracker.Projections.AssigneeQueue;

/// <summary>
/// One issue in an organisation's work queue. Kept per issue and queried by assignee rather than as one document
/// per organisation: progress, resolution and closing events do not name the assignee, and a reassignment moves
/// the issue between organisations, so the issue's own row is where its current assignee is known exactly.
/// </summary>
public sealed record AssigneeQueueItem : IShowsOverdue
{
    public Guid Id { get; init; }
    public string Street { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Assignee { get; init; }
    public IssueStatus Status { get; init; }
    public DateTimeOffset? DueBy { get; init; }

    /// <summary>Set and cleared by deadline events, as on the status board; readers add a passed due date.</summary>
    public bool Overdue { get; init; }

    public bool Escalated { get; init; }
    public EscalationLevel? Escalation { get; init; }

    /// <summary>Whether the item is on the assignee's queue now (assigned and waiting for their work).</summary>
    public bool Open { get; init; }

    bool IShowsOverdue.AwaitingResolution => Open;

    public DateTimeOffset AssignedAt { get; init; }
}
