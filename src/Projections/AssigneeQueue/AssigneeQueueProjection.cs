using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.Issues;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.AssigneeQueue;

public sealed partial class AssigneeQueueProjection : SingleStreamProjection<AssigneeQueueItem, Guid>
{
    public AssigneeQueueProjection() => Name = "AssigneeQueue";

    public override AssigneeQueueItem? Evolve(AssigneeQueueItem? item, Guid id, IEvent e)
    {
        var next = Apply(item, id, e);
        return next is null ? null : next with
        {
            Open = OverdueRule.AwaitsResolution(next.Assignee, next.Status)
        };
    }

    private static AssigneeQueueItem? Apply(AssigneeQueueItem? item, Guid id, IEvent e) => (item, e.Data) switch
    {
        (null, IssueRaised r) => new AssigneeQueueItem { Id = id, Street = e.TenantId, Title = r.Title, Status = IssueStatus.Raised },
        (null, _) => null,
        (_, IssuePlacedOnAgenda) => item with { Status = IssueStatus.OnAgenda },
        (_, IssueDiscussed) => item with { Status = IssueStatus.Discussed },
        (_, IssueAssigned a) => item with
        {
            Status = IssueStatus.Assigned, Assignee = a.Assignee, DueBy = a.DueBy, Overdue = false, AssignedAt = a.At
        },
        (_, AssignmentAcknowledged a) => item with
        {
            Status = IssueStatus.Acknowledged, Overdue = OverdueRule.AfterAcknowledgement(item.DueBy, a.At)
        },
        (_, AssignmentDeclined) => item with { Status = IssueStatus.Declined, Assignee = null, DueBy = null, Overdue = false },
        (_, ProgressReported) => item with { Status = IssueStatus.InProgress },
        (_, IssueResolved) => item with { Status = IssueStatus.Resolved, Overdue = false },
        (_, ResolutionConfirmed { Satisfaction: not Satisfaction.Unsatisfied }) => item with { Status = IssueStatus.Confirmed },
        (_, IssueReopened) => item with { Status = IssueStatus.Reopened },
        (_, IssueClosed) => item with { Status = IssueStatus.Closed, Overdue = false },
        (_, IssueWithdrawn) => item with { Status = IssueStatus.Withdrawn, Overdue = false },
        (_, IssueMarkedDuplicate) => item with { Status = IssueStatus.Duplicate, Overdue = false },
        (_, AcknowledgementOverdue or ResolutionOverdue) => item with { Overdue = true },
        (_, IssueEscalated x) => item with { Escalated = true, Escalation = x.Level },
        _ => item
    };
}
