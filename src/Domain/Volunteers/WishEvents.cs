using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

// A 微心愿 (a resident's small wish) and a 微实事 (a small public task): recorded, claimed, done, confirmed.

/// <summary>The resident the wish is for; private like an issue's reporter.</summary>
public sealed record Resident(string? Name, string? Contact);

public sealed record WishRecorded(
    string Title, string Description, string Community, int? Grid, Resident? Resident, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <param name="ClaimantAccount">The account of the claiming volunteer, when they claimed it themself.</param>
public sealed record WishClaimed(Guid? VolunteerId, string? ClaimantAccount, string? TeamId, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <param name="Fulfillers">The volunteers who did it: they get the points once the recorder confirms.</param>
public sealed record WishFulfilled(string Note, IReadOnlyList<Guid> Fulfillers, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record WishConfirmed(int PointsEach, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record MicroTaskPublished(
    string Title, string Description, string Community, Guid? IssueId, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record MicroTaskClaimed(string TeamId, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record Participation(Guid VolunteerId, decimal Hours);

public sealed record MicroTaskCompleted(string Report, IReadOnlyList<Participation> Participants, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

public sealed record MicroTaskConfirmed(Actor By, DateTimeOffset At) : IAuthoredEvent;
