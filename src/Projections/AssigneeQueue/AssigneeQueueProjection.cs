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
        if (next is null) return null;
        var status = IssueStatuses.After(next.Status, e.Data);
        return next with { Status = status, Open = IssueStatuses.AwaitsResolution(next.Assignee, status) };
    }

    private static AssigneeQueueItem? Apply(AssigneeQueueItem? item, Guid id, IEvent e) => (item, e.Data) switch
    {
        (null, IssueRaised r) => new AssigneeQueueItem { Id = id, Street = e.TenantId, Title = r.Title },
        (null, _) => null,
        (_, IssueAssigned a) => item with
        {
            Assignee = a.Assignee,
            DueBy = a.DueBy,
            Overdue = false,
            AssignedAt = a.At
        },
        (_, AssignmentAcknowledged a) => item with { Overdue = OverdueRule.AfterAcknowledgement(item.DueBy, a.At) },
        (_, AssignmentDeclined) => item with { Assignee = null, DueBy = null, Overdue = false },
        (_, ExtensionApproved x) => item with { DueBy = x.DueBy, Overdue = false },
        (_, IssueResolved or IssueClosed or IssueWithdrawn or IssueMarkedDuplicate) => item with { Overdue = false },
        (_, AcknowledgementOverdue or ResolutionOverdue) => item with { Overdue = true },
        (_, IssueEscalated x) => item with { Escalated = true, Escalation = x.Level },
        _ => item
    };
}
