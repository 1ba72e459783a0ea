using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Organisations;

public sealed record OrganisationRegistered(string Slug, OrganisationProfile Profile, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <summary>The entry replaced as a whole (renamed, recontacted, deactivated or reactivated).</summary>
public sealed record OrganisationUpdated(string Slug, OrganisationProfile Profile, Actor By, DateTimeOffset At) : IAuthoredEvent;
