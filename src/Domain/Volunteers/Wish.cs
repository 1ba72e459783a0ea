using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public enum WishStatus { Open, Claimed, Fulfilled, Confirmed }

public sealed record RecordWish(string? Title, string? Description, string? Community, int? Grid, Resident? Resident);

public sealed record ClaimWish(Guid? VolunteerId, string? TeamId);

public sealed record FulfilWish(string? Note, IReadOnlyList<Guid>? VolunteerIds);

/// <summary>The write model of a wish: who recorded it, who claimed it, who fulfilled it.</summary>
public sealed record Wish(Guid Id, WishStatus Status, string RecordedBy)
{
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public Guid? ClaimedByVolunteer { get; init; }
    public string? ClaimantAccount { get; init; }
    public string? ClaimedByTeam { get; init; }
    public IReadOnlyList<Guid> Fulfillers { get; init; } = [];

    public static Wish Create(Guid id, WishRecorded recorded) => new(id, WishStatus.Open, recorded.By.Id) { Title = recorded.Title };

    public static Wish Evolve(Wish state, object @event) => @event switch
    {
        WishClaimed e => state with
        {
            Status = WishStatus.Claimed,
            ClaimedByVolunteer = e.VolunteerId,
            ClaimantAccount = e.ClaimantAccount,
            ClaimedByTeam = e.TeamId
        },
        WishFulfilled e => state with { Status = WishStatus.Fulfilled, Fulfillers = e.Fulfillers },
        WishConfirmed => state with { Status = WishStatus.Confirmed },
        _ => state
    };

    /// <summary>A grid worker (reporter) or a host records a wish for a resident.</summary>
    public static Decision Record(RecordWish command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff() && by.Role != Roles.Reporter) return new Forbidden("Only a grid worker or a host records a wish.");
        var validation = new Validation()
            .Required("title", command.Title, Limits.Title)
            .Optional("description", command.Description, Limits.Description)
            .Required("community", command.Community, Limits.Name)
            .Check(command.Grid is null or >= 1 and <= 9999, "grid", "'grid' must be between 1 and 9999.");
        if (command.Resident is { } resident)
            validation.Optional("resident.name", resident.Name, Limits.Name).Optional("resident.contact", resident.Contact, Limits.Contact);
        return validation.Then(() => Decision.Accept(new WishRecorded(command.Title!.Trim(), command.Description?.Trim() ?? "",
            command.Community!.Trim(), command.Grid, command.Resident, by, now)));
    }

    /// <param name="volunteer">The volunteer named by the command, as found in the street (null for a team's claim).</param>
    public Decision Claim(ClaimWish command, Volunteer? volunteer, bool teamExists, Actor by, DateTimeOffset now)
    {
        if (Status != WishStatus.Open) return new InvalidTransition("claim", Status.ToString().ToLowerInvariant(), "The wish is not open.");
        var validation = new Validation()
            .Check((command.VolunteerId is null) != (command.TeamId is null), "volunteerId", "Name either 'volunteerId' or 'teamId'.")
            .Check(command.VolunteerId is null || volunteer is not null, "volunteerId", "'volunteerId' names no volunteer in this street.")
            .Check(command.TeamId is null || (TeamIds.IsWellFormed(command.TeamId) && teamExists), "teamId", "'teamId' names no volunteer team in this street.");
        if (!validation.IsValid) return validation.ToRejection();
        if (volunteer is not null && !volunteer.IsActedOnBySelf(by) && !by.IsStaff())
            return new Forbidden("A volunteer claims a wish for themself; a host may claim it for anyone.");
        if (command.TeamId is not null && !by.LeadsTeam(command.TeamId) && !by.IsStaff())
            return new Forbidden("Only a leader of the team (or a host) claims a wish for a team.");
        return Decision.Accept(new WishClaimed(volunteer?.Id, volunteer?.Account, command.TeamId, by, now));
    }

    /// <param name="volunteers">The volunteers named by the command, as found in the street.</param>
    public Decision Fulfil(FulfilWish command, IReadOnlyList<Volunteer> volunteers, Actor by, DateTimeOffset now)
    {
        if (Status != WishStatus.Claimed) return new InvalidTransition("fulfil", Status.ToString().ToLowerInvariant(), "The wish is not claimed.");
        var byClaimant = ClaimedByVolunteer is not null
            ? ClaimantAccount is not null && by.Id == ClaimantAccount
            : by.LeadsTeam(ClaimedByTeam);
        if (!byClaimant && !by.IsStaff()) return new Forbidden("Only whoever claimed the wish (or a host) reports it fulfilled.");

        var named = command.VolunteerIds ?? [];
        IReadOnlyList<Guid> fulfillers = ClaimedByVolunteer is { } claimant ? [claimant] : named.Distinct().ToList();
        return new Validation()
            .Required("note", command.Note, Limits.Text)
            .Check(ClaimedByVolunteer is not null || fulfillers.Count is >= 1 and <= 50, "volunteerIds",
                "Name the team's volunteers who fulfilled the wish (1 to 50).")
            .Check(ClaimedByVolunteer is not null || fulfillers.All(id => volunteers.Any(v => v.Id == id && v.Teams.Contains(ClaimedByTeam!))),
                "volunteerIds", "Each volunteer named must be a member of the team that claimed the wish.")
            .Then(() => Decision.Accept(new WishFulfilled(command.Note!.Trim(), fulfillers, by, now)));
    }

    /// <summary>The recorder (or a host) confirms: each fulfiller gets the wish's points, on their own stream.</summary>
    public Credit Confirm(PointsRule rule, Actor by, DateTimeOffset now)
    {
        if (Status != WishStatus.Fulfilled) return new InvalidTransition("confirm", Status.ToString().ToLowerInvariant(), "The wish is not fulfilled.");
        if (by.Id != RecordedBy && !by.IsStaff()) return new Forbidden("Only whoever recorded the wish (or a host) confirms it.");
        return new Credit(Decision.Accept(new WishConfirmed(rule.PointsPerWish, by, now)),
            Fulfillers.Select(v => (v, (object)new PointsAwarded(rule.PointsPerWish, $"微心愿：{Title}", Id, by, now))).ToList());
    }
}

/// <summary>A confirmation and what it credits to each volunteer's stream: accepted together or rejected together.</summary>
public sealed record Credit(Decision ForSubject, IReadOnlyList<(Guid VolunteerId, object Event)> ForVolunteers)
{
    public Rejection? Rejection => ForSubject.Rejection;

    public static implicit operator Credit(Rejection rejection) => new(Decision.Reject(rejection), []);
}
