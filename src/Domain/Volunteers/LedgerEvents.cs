using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

// 微创投 (small public-benefit ventures) and the two lists (资源清单 resources, 需求清单 needs).

public sealed record VentureProposed(string Title, string Description, string TeamId, decimal Budget, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

public sealed record VentureApproved(string? Note, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record VentureDeclined(string Reason, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record VentureMilestoneReported(string Note, decimal? Spent, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record VentureCompleted(string Summary, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <param name="Community">Null: the resource serves the whole street.</param>
public sealed record ResourceListed(
    string Provider, string Category, string? Community, string Description, int Capacity, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record NeedListed(string Category, string Community, string Description, int? Grid, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

public sealed record NeedMatched(Guid ResourceId, string Provider, Actor By, DateTimeOffset At) : IAuthoredEvent;
