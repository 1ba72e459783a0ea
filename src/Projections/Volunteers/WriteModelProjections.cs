using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>
/// The one way a volunteer-service write model is folded for FetchForWriting: its first event creates it, the Domain
/// evolves it, and it carries the stream's version.
/// </summary>
internal static class WriteModel
{
    public static T? Fold<T, TStart>(T? snapshot, Guid id, IEvent e, Func<Guid, TStart, T> create, Func<T, object, T> evolve,
        Func<T, int, T> atVersion) where T : class
    {
        var next = snapshot is null
            ? e.Data is TStart start ? create(id, start) : null
            : evolve(snapshot, e.Data);
        return next is null ? null : atVersion(next, (int)e.Version);
    }
}

public sealed partial class VolunteerWriteModelProjection : SingleStreamProjection<Volunteer, Guid>
{
    public override Volunteer? Evolve(Volunteer? snapshot, Guid id, IEvent e) =>
        WriteModel.Fold<Volunteer, VolunteerRegistered>(snapshot, id, e, Volunteer.Create, Volunteer.Evolve, (v, n) => v with { Version = n });
}

public sealed partial class RewardWriteModelProjection : SingleStreamProjection<Reward, Guid>
{
    public override Reward? Evolve(Reward? snapshot, Guid id, IEvent e) =>
        WriteModel.Fold<Reward, RewardOffered>(snapshot, id, e, Reward.Create, Reward.Evolve, (r, n) => r with { Version = n });
}

public sealed partial class WishWriteModelProjection : SingleStreamProjection<Wish, Guid>
{
    public override Wish? Evolve(Wish? snapshot, Guid id, IEvent e) =>
        WriteModel.Fold<Wish, WishRecorded>(snapshot, id, e, Wish.Create, Wish.Evolve, (w, n) => w with { Version = n });
}

public sealed partial class MicroTaskWriteModelProjection : SingleStreamProjection<MicroTask, Guid>
{
    public override MicroTask? Evolve(MicroTask? snapshot, Guid id, IEvent e) =>
        WriteModel.Fold<MicroTask, MicroTaskPublished>(snapshot, id, e, MicroTask.Create, MicroTask.Evolve, (t, n) => t with { Version = n });
}

public sealed partial class VentureWriteModelProjection : SingleStreamProjection<Venture, Guid>
{
    public override Venture? Evolve(Venture? snapshot, Guid id, IEvent e) =>
        WriteModel.Fold<Venture, VentureProposed>(snapshot, id, e, Venture.Create, Venture.Evolve, (v, n) => v with { Version = n });
}

public sealed partial class NeedWriteModelProjection : SingleStreamProjection<Need, Guid>
{
    public override Need? Evolve(Need? snapshot, Guid id, IEvent e) =>
        WriteModel.Fold<Need, NeedListed>(snapshot, id, e, Need.Create, Need.Evolve, (d, n) => d with { Version = n });
}
