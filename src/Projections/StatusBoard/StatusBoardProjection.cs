using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.StatusBoard;

public sealed partial class StatusBoardProjection : SingleStreamProjection<StatusBoardRow, Guid>
{
    public StatusBoardProjection() => Name = "StatusBoard";

    public override StatusBoardRow? Evolve(StatusBoardRow? row, Guid id, IEvent e)
    {
        var next = Apply(row, id, e);
        if (next is null || e.Data is not IAuthoredEvent happened) return next;
        var status = next.Status;
        return next with
        {
            AwaitingResolution = next.Assignee is not null && status is IssueStatus.Assigned or IssueStatus.Acknowledged
                or IssueStatus.InProgress or IssueStatus.Reopened,
            LastActivity = new BoardActivity(IssueStatuses.JsonName(e.Data.GetType().Name), happened.By.Name, happened.At)
        };
    }

    private static StatusBoardRow? Apply(StatusBoardRow? row, Guid id, IEvent e) => (row, e.Data) switch
    {
        (null, IssueRaised r) => new StatusBoardRow
        {
            Id = id, Street = e.TenantId, Title = r.Title, Community = r.Location.Community, Grid = r.Location.Grid,
            Category = r.Category, Status = IssueStatus.Raised, RaisedAt = r.At
        },
        (null, _) => null,
        (_, IssuePlacedOnAgenda) => row with { Status = IssueStatus.OnAgenda },
        (_, IssueDiscussed) => row with { Status = IssueStatus.Discussed },
        (_, IssueAssigned a) => row with
        {
            Status = IssueStatus.Assigned, Assignee = a.Assignee, DueBy = a.DueBy?.ToUniversalTime(), Overdue = false, ResolvedAt = null
        },
        (_, AssignmentAcknowledged) => row with { Status = IssueStatus.Acknowledged },
        (_, AssignmentDeclined) => row with { Status = IssueStatus.Declined, Assignee = null, DueBy = null, Overdue = false },
        (_, ProgressReported) => row with { Status = IssueStatus.InProgress },
        (_, IssueResolved r) => row with { Status = IssueStatus.Resolved, ResolvedAt = r.At, Overdue = false },
        (_, ResolutionConfirmed { Satisfaction: not Satisfaction.Unsatisfied }) => row with { Status = IssueStatus.Confirmed },
        (_, IssueReopened) => row with { Status = IssueStatus.Reopened, ResolvedAt = null },
        (_, IssueClosed) => row with { Status = IssueStatus.Closed, Overdue = false },
        (_, IssueWithdrawn) => row with { Status = IssueStatus.Withdrawn, Overdue = false },
        (_, IssueMarkedDuplicate) => row with { Status = IssueStatus.Duplicate, Overdue = false },
        _ => row
    };
}
