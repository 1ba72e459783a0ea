using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>A micro-task on the task board and in the 微实事 ledger.</summary>
public sealed record MicroTaskCard
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string Community { get; init; } = "";
    public Guid? IssueId { get; init; }
    public MicroTaskStatus Status { get; init; }
    public string PublishedBy { get; init; } = "";
    public string? Team { get; init; }
    public string? Report { get; init; }
    public IReadOnlyList<Participation> Participants { get; init; } = [];
    public decimal TotalHours { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public int Version { get; init; }
}

public sealed partial class MicroTaskCardProjection : SingleStreamProjection<MicroTaskCard, Guid>
{
    // Only its own events: an inline projection that saw every append would load (and delete) a document per stream.
    public MicroTaskCardProjection()
    {
        IncludeType<MicroTaskPublished>();
        IncludeType<MicroTaskClaimed>();
        IncludeType<MicroTaskCompleted>();
        IncludeType<MicroTaskConfirmed>();
    }

    public override MicroTaskCard? Evolve(MicroTaskCard? snapshot, Guid id, IEvent e)
    {
        var next = (snapshot, e.Data) switch
        {
            (null, MicroTaskPublished p) => new MicroTaskCard
            {
                Id = id, Title = p.Title, Description = p.Description, Community = p.Community, IssueId = p.IssueId,
                Status = MicroTaskStatus.Open, PublishedBy = p.By.Name, PublishedAt = p.At
            },
            (null, _) => null,
            (_, MicroTaskClaimed c) => snapshot with { Status = MicroTaskStatus.Claimed, Team = c.TeamId, ClaimedAt = c.At },
            (_, MicroTaskCompleted c) => snapshot with
            {
                Status = MicroTaskStatus.Completed,
                Report = c.Report,
                Participants = c.Participants,
                TotalHours = c.Participants.Sum(p => p.Hours),
                CompletedAt = c.At
            },
            (_, MicroTaskConfirmed c) => snapshot with { Status = MicroTaskStatus.Confirmed, ConfirmedAt = c.At },
            _ => snapshot
        };
        return next is null || e.Data is not IAuthoredEvent ? next : next with { Version = (int)e.Version };
    }
}
