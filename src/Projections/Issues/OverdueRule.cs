using IssueTracker.Domain.Issues;

namespace IssueTracker.Projections.Issues;

/// <summary>
/// "Overdue" as every read model and endpoint shows it (IssueDetails, the issue list, the boards). The source of truth
/// is the event log: <see cref="AcknowledgementOverdue"/> / <see cref="ResolutionOverdue"/> set the stored flag, and the
/// step it waited for, a reassignment or the end of the issue clears it. At read time a due date that has passed on
/// unfinished work counts too, so a deadline whose timer has not fired (timers or the daemon behind, history written
/// without timers, a reopened issue past its due date) is not hidden; once the timer fires both say the same.
/// </summary>
public static class OverdueRule
{
    public static readonly IssueStatus[] AwaitingResolution =
        [IssueStatus.Assigned, IssueStatus.Acknowledged, IssueStatus.InProgress, IssueStatus.Reopened];

    /// <summary>Whether the current assignment's due date still binds: assigned and not yet resolved or ended.</summary>
    public static bool AwaitsResolution(string? assignee, IssueStatus status) =>
        assignee is not null && AwaitingResolution.Contains(status);

    public static bool IsOverdue(bool flagged, bool awaitsResolution, DateTimeOffset? dueBy, DateTimeOffset now) =>
        flagged || (awaitsResolution && dueBy < now);

    /// <summary>An acknowledgement ends the acknowledgement miss; the issue stays overdue only once its due date has passed.</summary>
    public static bool AfterAcknowledgement(DateTimeOffset? dueBy, DateTimeOffset acknowledgedAt) => dueBy < acknowledgedAt;
}
