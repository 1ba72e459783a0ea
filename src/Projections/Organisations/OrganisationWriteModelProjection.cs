using IssueTracker.Domain.Organisations;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Organisations;

/// <summary>Live aggregation of the Organisation write model for FetchForWriting; the folding itself is the Domain's.</summary>
public sealed partial class OrganisationWriteModelProjection : SingleStreamProjection<Organisation, Guid>
{
    public override Organisation? Evolve(Organisation? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is OrganisationRegistered registered ? Organisation.Create(id, registered) : null
            : Organisation.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
