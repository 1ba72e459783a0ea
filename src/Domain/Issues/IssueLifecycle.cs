namespace IssueTracker.Domain.Issues;

public static partial class IssueStatuses
{
    /// <summary>
    /// The one event → status rule, folded by the write model and by every read model. An event it does not name
    /// (deadlines, escalations, and any event added later) leaves the status as it was.
    /// </summary>
    public static IssueStatus After(IssueStatus status, object @event) => @event switch
    {
        IssueRaised => IssueStatus.Raised,
        IssuePlacedOnAgenda => IssueStatus.OnAgenda,
        IssueDiscussed => IssueStatus.Discussed,
        IssueAssigned => IssueStatus.Assigned,
        AssignmentAcknowledged => IssueStatus.Acknowledged,
        AssignmentDeclined => IssueStatus.Declined,
        ProgressReported => IssueStatus.InProgress,
        IssueResolved => IssueStatus.Resolved,
        // An unsatisfied rating is followed by IssueReopened, which moves the issue on.
        ResolutionConfirmed { Satisfaction: not Satisfaction.Unsatisfied } => IssueStatus.Confirmed,
        IssueReopened => IssueStatus.Reopened,
        IssueClosed => IssueStatus.Closed,
        IssueWithdrawn => IssueStatus.Withdrawn,
        IssueMarkedDuplicate => IssueStatus.Duplicate,
        _ => status
    };
}

public static partial class IssueStatuses
{
    /// <summary>The statuses in which an assignment's due date binds: the work is assigned and not yet resolved or ended.</summary>
    public static readonly IssueStatus[] AwaitingResolution =
        [IssueStatus.Assigned, IssueStatus.Acknowledged, IssueStatus.InProgress, IssueStatus.Reopened];

    /// <summary>Whether the current assignment's due date still binds: assigned to someone and awaiting resolution.</summary>
    public static bool AwaitsResolution(string? assignee, IssueStatus status) =>
        assignee is not null && AwaitingResolution.Contains(status);
}
