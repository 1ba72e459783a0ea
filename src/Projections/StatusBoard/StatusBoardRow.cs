using IssueTracker.Domain.Issues;

namespace IssueTracker.Projections.StatusBoard;

/// <summary>
/// One issue as the status board counts it. The board is one row per issue, grouped in SQL at read time: most
/// events (IssueResolved, …) do not carry the community, grid or category, so a counter document keyed by
/// community could not be kept exact without looking the issue up. A row per issue is exact, indexed and grouped
/// by PostgreSQL in one scan of the street's rows, which stays fast at 100k issues.
/// </summary>
public sealed record StatusBoardRow
{
    public Guid Id { get; init; }
    public string Street { get; init; } = "";
    public string Title { get; init; } = "";
    public string Community { get; init; } = "";
    public int? Grid { get; init; }
    public IssueCategory Category { get; init; }
    public IssueStatus Status { get; init; }
    public string? Assignee { get; init; }
    public DateTimeOffset? DueBy { get; init; }

    /// <summary>Set from deadline events; the board also counts an open row whose due date has passed.</summary>
    public bool Overdue { get; init; }

    /// <summary>Whether a due date still binds: assigned and not yet resolved or ended.</summary>
    public bool AwaitingResolution { get; init; }

    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public BoardActivity LastActivity { get; init; } = new("", "", default);
}

/// <summary>What last happened to an issue: the event's type, who did it, when.</summary>
public sealed record BoardActivity(string Type, string By, DateTimeOffset At);
