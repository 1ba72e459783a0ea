using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>A wish on the wish wall and in the 微心愿 ledger. The resident is private (hosts, admins, auditors).</summary>
public sealed record WishCard
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string Community { get; init; } = "";
    public int? Grid { get; init; }
    public Resident? Resident { get; init; }
    public WishStatus Status { get; init; }
    /// <summary>The recorder's name, as the wall and the ledger show it.</summary>
    public string RecordedBy { get; init; } = "";
    /// <summary>The recorder's account: the one (besides hosts) who confirms the wish.</summary>
    public string RecorderId { get; init; } = "";
    public Guid? ClaimedByVolunteer { get; init; }
    public string? ClaimedByTeam { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<Guid> Fulfillers { get; init; } = [];
    public int? PointsEach { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? FulfilledAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public int Version { get; init; }

    public WishCard WithoutResident() => this with { Resident = null };
}

public sealed partial class WishCardProjection : SingleStreamProjection<WishCard, Guid>
{
    // Only its own events: an inline projection that saw every append would load (and delete) a document per stream.
    public WishCardProjection()
    {
        IncludeType<WishRecorded>();
        IncludeType<WishClaimed>();
        IncludeType<WishFulfilled>();
        IncludeType<WishConfirmed>();
    }

    public override WishCard? Evolve(WishCard? snapshot, Guid id, IEvent e)
    {
        var next = (snapshot, e.Data) switch
        {
            (null, WishRecorded r) => new WishCard
            {
                Id = id, Title = r.Title, Description = r.Description, Community = r.Community, Grid = r.Grid, Resident = r.Resident,
                Status = WishStatus.Open, RecordedBy = r.By.Name, RecorderId = r.By.Id, RecordedAt = r.At
            },
            (null, _) => null,
            (_, WishClaimed c) => snapshot with
            {
                Status = WishStatus.Claimed,
                ClaimedByVolunteer = c.VolunteerId,
                ClaimedByTeam = c.TeamId,
                ClaimedAt = c.At
            },
            (_, WishFulfilled f) => snapshot with { Status = WishStatus.Fulfilled, Note = f.Note, Fulfillers = f.Fulfillers, FulfilledAt = f.At },
            (_, WishConfirmed c) => snapshot with { Status = WishStatus.Confirmed, PointsEach = c.PointsEach, ConfirmedAt = c.At },
            _ => snapshot
        };
        return next is null || e.Data is not IAuthoredEvent ? next : next with { Version = (int)e.Version };
    }
}
