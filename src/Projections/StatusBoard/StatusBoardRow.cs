using IssueTracker.Domain.Issues;
using IssueTracker.Projections.Issues;

namespace IssueTracker.Projections.StatusBoard;

/// <summary>
/// One issue as the status board counts it: most events (IssueResolved, …) do not carry the community, grid or
/// category, so the issue's own row is where they are known exactly. PostgreSQL keeps the board's counts from these
/// rows as they change (the host's BoardCounters), so a board read touches a row per group and status, not per issue.
/// </summary>
public sealed record StatusBoardRow : IShowsOverdue
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

    /// <summary>Set and cleared by deadline events (<see cref="OverdueRule"/>, as IssueDetails); readers add a passed due date.</summary>
    public bool Overdue { get; init; }

    /// <summary>Supervised (督办) since an IssueEscalated, at its latest level; like IssueDetails, never cleared.</summary>
    public bool Escalated { get; init; }
    public EscalationLevel? Escalation { get; init; }

    /// <summary>A ResolutionOverdue came since the current assignment's IssueAssigned: its resolution will be late.</summary>
    public bool ResolutionMissed { get; init; }

    /// <summary>
    /// Per organisation that resolved this issue: resolutions, on time, ratings. Kept on the issue's own row because
    /// IssueResolved and ResolutionConfirmed do not name the organisation (only the issue knows its assignee) and a
    /// reassigned issue may be resolved by several; the performance board sums these in SQL per organisation or category.
    /// </summary>
    public IReadOnlyList<AssigneeTally> Tallies { get; init; } = [];

    /// <summary>Whether a due date still binds: assigned and not yet resolved or ended.</summary>
    public bool AwaitingResolution { get; init; }

    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>
    /// The resolution time in tenths of a day, the board histogram's bucket give or take one (the exact bucket is
    /// PostgreSQL's arithmetic, BoardCounters): indexed, so that a median between two buckets reads only their rows.
    /// </summary>
    public int? ResolutionTenths => ResolvedAt is { } resolved ? (int)Math.Round((resolved - RaisedAt).TotalDays * 10) : null;

    public BoardActivity LastActivity { get; init; } = new("", "", default);
}

/// <summary>What last happened to an issue: the event's type, who did it, when.</summary>
public sealed record BoardActivity(string Type, string By, DateTimeOffset At);
