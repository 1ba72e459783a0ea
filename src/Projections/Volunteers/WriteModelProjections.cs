using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>Live aggregation of the Volunteer write model for FetchForWriting; the folding itself is the Domain's.</summary>
public sealed partial class VolunteerWriteModelProjection : SingleStreamProjection<Volunteer, Guid>
{
    public override Volunteer? Evolve(Volunteer? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is VolunteerRegistered registered ? Volunteer.Create(id, registered) : null
            : Volunteer.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}

/// <summary>Live aggregation of the Reward write model for FetchForWriting.</summary>
public sealed partial class RewardWriteModelProjection : SingleStreamProjection<Reward, Guid>
{
    public override Reward? Evolve(Reward? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is RewardOffered offered ? Reward.Create(id, offered) : null
            : Reward.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}

/// <summary>Live aggregation of the Wish write model for FetchForWriting.</summary>
public sealed partial class WishWriteModelProjection : SingleStreamProjection<Wish, Guid>
{
    public override Wish? Evolve(Wish? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is WishRecorded recorded ? Wish.Create(id, recorded) : null
            : Wish.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}

/// <summary>Live aggregation of the MicroTask write model for FetchForWriting.</summary>
public sealed partial class MicroTaskWriteModelProjection : SingleStreamProjection<MicroTask, Guid>
{
    public override MicroTask? Evolve(MicroTask? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is MicroTaskPublished published ? MicroTask.Create(id, published) : null
            : MicroTask.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}

/// <summary>Live aggregation of the Venture write model for FetchForWriting.</summary>
public sealed partial class VentureWriteModelProjection : SingleStreamProjection<Venture, Guid>
{
    public override Venture? Evolve(Venture? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is VentureProposed proposed ? Venture.Create(id, proposed) : null
            : Venture.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}

/// <summary>Live aggregation of the Need write model for FetchForWriting.</summary>
public sealed partial class NeedWriteModelProjection : SingleStreamProjection<Need, Guid>
{
    public override Need? Evolve(Need? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is NeedListed listed ? Need.Create(id, listed) : null
            : Need.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
