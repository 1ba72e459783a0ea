using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

// A volunteer's stream: registration, teams, service hours and points. Points only change by these events, and a
// correction is a new event, never an edit of the old one. Each event carries its own time and author.

/// <param name="Account">The signed-in user (token subject) the volunteer is, when known: they may act as themself.</param>
public sealed record VolunteerRegistered(
    string Name, string? Contact, IReadOnlyList<string> Skills, string Community, string? Account, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

public sealed record VolunteerJoinedTeam(string TeamId, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record VolunteerLeftTeam(string TeamId, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <param name="Source">What the service was for, when it came from the ledgers (e.g. a micro-task's id).</param>
public sealed record ServiceRecorded(
    Guid RecordId, string Activity, decimal Hours, DateOnly ServedOn, int Points, Guid? Source, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

/// <summary>The record's hours and points as they should have been; the difference is what changes.</summary>
public sealed record ServiceRecordCorrected(Guid RecordId, decimal Hours, int Points, string Reason, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

/// <summary>Points for something other than hours: a fulfilled and confirmed wish.</summary>
public sealed record PointsAwarded(int Points, string Reason, Guid Source, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record PointsRedeemed(Guid RewardId, string RewardName, int Cost, Actor By, DateTimeOffset At) : IAuthoredEvent;

// A reward's stream (积分兑换): what it costs and how many are left.

public sealed record RewardOffered(string Name, int Cost, int Stock, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record RewardRestocked(int Quantity, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record RewardHandedOut(Guid VolunteerId, Actor By, DateTimeOffset At) : IAuthoredEvent;
