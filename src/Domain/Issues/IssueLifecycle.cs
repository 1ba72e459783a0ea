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
