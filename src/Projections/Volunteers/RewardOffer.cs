using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>A reward on the points-exchange screen (积分兑换): what it costs and how many are left.</summary>
public sealed record RewardOffer
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public int Cost { get; init; }
    public int Stock { get; init; }
    public int Redeemed { get; init; }
    public DateTimeOffset OfferedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

public sealed partial class RewardOfferProjection : SingleStreamProjection<RewardOffer, Guid>
{
    // Only its own events: an inline projection that saw every append would load (and delete) a document per stream.
    public RewardOfferProjection()
    {
        IncludeType<RewardOffered>();
        IncludeType<RewardRestocked>();
        IncludeType<RewardHandedOut>();
    }

    public override RewardOffer? Evolve(RewardOffer? snapshot, Guid id, IEvent e)
    {
        var next = (snapshot, e.Data) switch
        {
            (null, RewardOffered o) => new RewardOffer { Id = id, Name = o.Name, Cost = o.Cost, Stock = o.Stock, OfferedAt = o.At },
            (null, _) => null,
            (_, RewardRestocked r) => snapshot with { Stock = snapshot.Stock + r.Quantity },
            (_, RewardHandedOut) => snapshot with { Stock = snapshot.Stock - 1, Redeemed = snapshot.Redeemed + 1 },
            _ => snapshot
        };
        return next is null || e.Data is not IAuthoredEvent happened
            ? next
            : next with { Version = (int)e.Version, UpdatedAt = happened.At };
    }
}
