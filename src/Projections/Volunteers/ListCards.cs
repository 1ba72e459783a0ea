using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

/// <summary>A unit's resource on the 资源清单 screen.</summary>
public sealed record ResourceCard
{
    public Guid Id { get; init; }
    public string Provider { get; init; } = "";
    public string Category { get; init; } = "";
    public string? Community { get; init; }
    public string Description { get; init; } = "";
    public int Capacity { get; init; }
    public DateTimeOffset ListedAt { get; init; }
    public int Version { get; init; }

    public Resource ToResource() => new(Id, Provider, Category, Community);
}

/// <summary>A need on the 需求清单 screen, with the resource it was matched with.</summary>
public sealed record NeedCard
{
    public Guid Id { get; init; }
    public string Category { get; init; } = "";
    public string Community { get; init; } = "";
    public string Description { get; init; } = "";
    public int? Grid { get; init; }
    public bool Matched { get; init; }
    public Guid? ResourceId { get; init; }
    public string? Provider { get; init; }
    public DateTimeOffset ListedAt { get; init; }
    public DateTimeOffset? MatchedAt { get; init; }
    public int Version { get; init; }
}

public sealed partial class ResourceCardProjection : SingleStreamProjection<ResourceCard, Guid>
{
    public ResourceCardProjection()
    {
        IncludeType<ResourceListed>();
    }

    public override ResourceCard? Evolve(ResourceCard? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (null, ResourceListed r) => new ResourceCard
        {
            Id = id, Provider = r.Provider, Category = r.Category, Community = r.Community, Description = r.Description,
            Capacity = r.Capacity, ListedAt = r.At, Version = (int)e.Version
        },
        _ => snapshot
    };
}

public sealed partial class NeedCardProjection : SingleStreamProjection<NeedCard, Guid>
{
    public NeedCardProjection()
    {
        IncludeType<NeedListed>();
        IncludeType<NeedMatched>();
    }

    public override NeedCard? Evolve(NeedCard? snapshot, Guid id, IEvent e)
    {
        var next = (snapshot, e.Data) switch
        {
            (null, NeedListed n) => new NeedCard
            {
                Id = id, Category = n.Category, Community = n.Community, Description = n.Description, Grid = n.Grid, ListedAt = n.At
            },
            (null, _) => null,
            (_, NeedMatched m) => snapshot with { Matched = true, ResourceId = m.ResourceId, Provider = m.Provider, MatchedAt = m.At },
            _ => snapshot
        };
        return next is null || e.Data is not IAuthoredEvent ? next : next with { Version = (int)e.Version };
    }
}
