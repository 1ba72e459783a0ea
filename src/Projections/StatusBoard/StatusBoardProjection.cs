using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.Issues;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.StatusBoard;

public sealed partial class StatusBoardProjection : SingleStreamProjection<StatusBoardRow, Guid>
{
    public StatusBoardProjection() => Name = "StatusBoard";

    public override StatusBoardRow? Evolve(StatusBoardRow? row, Guid id, IEvent e)
    {
        var next = Apply(row, id, e);
        if (next is null) return null;
        next = next with { Status = IssueStatuses.After(next.Status, e.Data) };
        if (e.Data is not IAuthoredEvent happened) return next;
        return next with
        {
            AwaitingResolution = IssueStatuses.AwaitsResolution(next.Assignee, next.Status),
            LastActivity = new BoardActivity(IssueStatuses.JsonName(e.Data.GetType().Name), happened.By.Name, happened.At)
        };
    }

    private static StatusBoardRow? Apply(StatusBoardRow? row, Guid id, IEvent e) => (row, e.Data) switch
    {
        (null, IssueRaised r) => new StatusBoardRow
        {
            Id = id, Street = e.TenantId, Title = r.Title, Community = r.Location.Community, Grid = r.Location.Grid,
            Category = r.Category, RaisedAt = r.At
        },
        (null, _) => null,
        (_, IssueAssigned a) => row with
        {
            Assignee = a.Assignee,
            DueBy = a.DueBy?.ToUniversalTime(),
            Overdue = false,
            ResolutionMissed = false,
            ResolvedAt = null
        },
        (_, AssignmentAcknowledged a) => row with { Overdue = OverdueRule.AfterAcknowledgement(row.DueBy, a.At) },
        (_, AssignmentDeclined) => row with { Assignee = null, DueBy = null, Overdue = false },
        (_, IssueResolved r) => row with
        {
            ResolvedAt = r.At,
            Overdue = false,
            Tallies = AssigneeTally.Add(row.Tallies, row.Assignee, t => t with
            {
                Resolved = t.Resolved + 1,
                ResolvedOnTime = t.ResolvedOnTime + (row.ResolutionMissed ? 0 : 1)
            })
        },
        // No assignment can happen while an issue is resolved, so its assignee is the organisation that resolved it.
        (_, ResolutionConfirmed c) => row with { Tallies = AssigneeTally.Add(row.Tallies, row.Assignee, t => t.Rated(c.Satisfaction)) },
        (_, IssueReopened) => row with { ResolvedAt = null },
        (_, IssueClosed or IssueWithdrawn or IssueMarkedDuplicate) => row with { Overdue = false },
        (_, AcknowledgementOverdue) => row with { Overdue = true },
        (_, ResolutionOverdue) => row with { Overdue = true, ResolutionMissed = true },
        (_, IssueEscalated x) => row with { Escalated = true, Escalation = x.Level },
        (_, ExtensionApproved x) => row with { DueBy = x.DueBy.ToUniversalTime(), Overdue = false, ResolutionMissed = false },
        _ => row
    };
}
