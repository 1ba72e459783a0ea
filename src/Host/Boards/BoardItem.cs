using IssueTracker.Domain.Issues;
using IssueTracker.Projections.AssigneeQueue;
using IssueTracker.Projections.StatusBoard;

namespace IssueTracker.Host.Boards;

/// <summary>An issue in a board list (the overdue list, an assignee's queue).</summary>
public sealed record BoardItem(
    Guid IssueId, string Title, IssueStatus Status, DateTimeOffset? DueBy, bool Overdue, string? Assignee, string? Community)
{
    public static BoardItem From(StatusBoardRow row, DateTimeOffset now) =>
        new(row.Id, row.Title, row.Status, row.DueBy, IsOverdue(row.Overdue, row.AwaitingResolution, row.DueBy, now),
            row.Assignee, row.Community);

    public static BoardItem From(AssigneeQueueItem item, DateTimeOffset now) =>
        new(item.Id, item.Title, item.Status, item.DueBy, IsOverdue(item.Overdue, item.Open, item.DueBy, now), item.Assignee, null);

    /// <summary>Until the deadline events set the flag, a passed due date on unfinished work counts as overdue.</summary>
    public static bool IsOverdue(bool flagged, bool awaiting, DateTimeOffset? dueBy, DateTimeOffset now) =>
        flagged || (awaiting && dueBy < now);
}

public sealed record BoardItems(IReadOnlyList<BoardItem> Items);
