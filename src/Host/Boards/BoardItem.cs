using IssueTracker.Domain.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.AssigneeQueue;
using IssueTracker.Projections.Issues;
using IssueTracker.Projections.StatusBoard;

namespace IssueTracker.Host.Boards;

/// <summary>An issue in a board list (the overdue list, an assignee's queue); overdue as <see cref="OverdueRule"/> says.</summary>
public sealed record BoardItem(
    Guid IssueId, string Title, IssueStatus Status, DateTimeOffset? DueBy, bool Overdue, string? Assignee, string? Community,
    bool Escalated = false, EscalationLevel? Escalation = null, string? AssigneeName = null)
{
    /// <summary>The assignee's name from the street's directory, beside its id.</summary>
    public BoardItem Named(IReadOnlyDictionary<string, string> names) => this with { AssigneeName = names.NameOf(Assignee) };

    public static BoardItem From(StatusBoardRow row, DateTimeOffset now) =>
        new(row.Id, row.Title, row.Status, row.DueBy, OverdueRule.IsOverdue(row, now),
            row.Assignee, row.Community, row.Escalated, row.Escalation);

    public static BoardItem From(AssigneeQueueItem item, DateTimeOffset now) =>
        new(item.Id, item.Title, item.Status, item.DueBy, OverdueRule.IsOverdue(item, now),
            item.Assignee, null, item.Escalated, item.Escalation);
}

public sealed record BoardItems(IReadOnlyList<BoardItem> Items);
