using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>A venture on the 微创投 screen and ledger: the team, the budget, what was spent, the milestones.</summary>
public sealed record VentureCard
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string TeamId { get; init; } = "";
    public decimal Budget { get; init; }
    public decimal Spent { get; init; }
    public VentureStatus Status { get; init; }
    public string? Decision { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public string? Summary { get; init; }
    public DateTimeOffset ProposedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int Version { get; init; }
}

public sealed record Milestone(string Note, decimal? Spent, DateTimeOffset At);

public sealed partial class VentureCardProjection : SingleStreamProjection<VentureCard, Guid>
{
    // Only its own events: an inline projection that saw every append would load (and delete) a document per stream.
    public VentureCardProjection()
    {
        IncludeType<VentureProposed>();
        IncludeType<VentureApproved>();
        IncludeType<VentureDeclined>();
        IncludeType<VentureMilestoneReported>();
        IncludeType<VentureCompleted>();
    }

    public override VentureCard? Evolve(VentureCard? snapshot, Guid id, IEvent e)
    {
        var next = (snapshot, e.Data) switch
        {
            (null, VentureProposed p) => new VentureCard
            {
                Id = id, Title = p.Title, Description = p.Description, TeamId = p.TeamId, Budget = p.Budget,
                Status = VentureStatus.Proposed, ProposedAt = p.At
            },
            (null, _) => null,
            (_, VentureApproved a) => snapshot with { Status = VentureStatus.Approved, Decision = a.Note, DecidedAt = a.At },
            (_, VentureDeclined d) => snapshot with { Status = VentureStatus.Declined, Decision = d.Reason, DecidedAt = d.At },
            (_, VentureMilestoneReported m) => snapshot with
            {
                Milestones = [.. snapshot.Milestones, new Milestone(m.Note, m.Spent, m.At)],
                Spent = snapshot.Spent + (m.Spent ?? 0)
            },
            (_, VentureCompleted c) => snapshot with { Status = VentureStatus.Completed, Summary = c.Summary, CompletedAt = c.At },
            _ => snapshot
        };
        return next is null || e.Data is not IAuthoredEvent ? next : next with { Version = (int)e.Version };
    }
}
