using IssueTracker.Domain.Issues;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Issues;

/// <summary>Live aggregation of the Issue write model for FetchForWriting; the folding itself is the Domain's.</summary>
public sealed partial class IssueWriteModelProjection : SingleStreamProjection<Issue, Guid>
{
    public override Issue? Evolve(Issue? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is IssueRaised raised ? Issue.Create(id, raised) with { Street = e.TenantId } : null
            : Issue.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
