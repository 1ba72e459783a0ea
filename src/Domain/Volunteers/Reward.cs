using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record OfferReward(string? Name, int? Cost, int? Stock);

public sealed record RestockReward(int? Quantity);

/// <summary>The write model of a reward (积分兑换): its cost and how many are left.</summary>
public sealed partial record Reward(Guid Id, string Name, int Cost, int Stock)
{
    public const int MaxCost = 100_000;
    public const int MaxStock = 10_000;

    public int Version { get; init; }

    public static Reward Create(Guid id, RewardOffered offered) => new(id, offered.Name, offered.Cost, offered.Stock);

    public static Reward Evolve(Reward state, object @event) => @event switch
    {
        RewardRestocked e => state with { Stock = state.Stock + e.Quantity },
        RewardHandedOut => state with { Stock = state.Stock - 1 },
        _ => state
    };

    public static Reward? Replay(Guid id, IEnumerable<object> events)
    {
        Reward? state = null;
        foreach (var e in events)
            state = state is null ? e is RewardOffered offered ? Create(id, offered) : null : Evolve(state, e);
        return state;
    }

    public static Decision Offer(OfferReward command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host offers rewards.");
        return new Validation()
            .Required("name", command.Name, Limits.Title)
            .Check(command.Cost is >= 1 and <= MaxCost, "cost", $"'cost' is required: 1..{MaxCost} points.")
            .Check(command.Stock is >= 0 and <= MaxStock, "stock", $"'stock' is required: 0..{MaxStock}.")
            .Then(() => Decision.Accept(new RewardOffered(command.Name!.Trim(), command.Cost!.Value, command.Stock!.Value, by, now)));
    }

    public Decision Restock(RestockReward command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host restocks rewards.");
        return new Validation()
            .Check(command.Quantity is >= 1 && command.Quantity + Stock <= MaxStock, "quantity",
                $"'quantity' is required: at least 1, and the stock stays at most {MaxStock}.")
            .Then(() => Decision.Accept(new RewardRestocked(command.Quantity!.Value, by, now)));
    }
}
