using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

/// <summary>The write model of a volunteer: who they are as a user, their teams, and their hours and points.</summary>
public sealed partial record Volunteer(Guid Id, string? Account, IReadOnlyList<string> Teams, decimal Hours, int Points)
{
    public int Version { get; init; }

    /// <summary>Hours and points of each service record, so that a correction knows what it corrects.</summary>
    public IReadOnlyDictionary<Guid, ServiceCredit> Records { get; init; } = new Dictionary<Guid, ServiceCredit>();

    public static Volunteer Create(Guid id, VolunteerRegistered registered) => new(id, registered.Account, [], 0, 0);

    public static Volunteer Evolve(Volunteer state, object @event) => @event switch
    {
        VolunteerJoinedTeam e => state with { Teams = [.. state.Teams, e.TeamId] },
        VolunteerLeftTeam e => state with { Teams = state.Teams.Where(t => t != e.TeamId).ToList() },
        ServiceRecorded e => state with
        {
            Hours = state.Hours + e.Hours,
            Points = state.Points + e.Points,
            Records = new Dictionary<Guid, ServiceCredit>(state.Records) { [e.RecordId] = new(e.Hours, e.Points) }
        },
        ServiceRecordCorrected e => state with
        {
            Hours = state.Hours - state.Records[e.RecordId].Hours + e.Hours,
            Points = state.Points - state.Records[e.RecordId].Points + e.Points,
            Records = new Dictionary<Guid, ServiceCredit>(state.Records) { [e.RecordId] = new(e.Hours, e.Points) }
        },
        PointsAwarded e => state with { Points = state.Points + e.Points },
        PointsRedeemed e => state with { Points = state.Points - e.Cost },
        _ => state
    };

    public static Volunteer? Replay(Guid id, IEnumerable<object> events)
    {
        Volunteer? state = null;
        foreach (var e in events)
            state = state is null ? e is VolunteerRegistered registered ? Create(id, registered) : null : Evolve(state, e);
        return state;
    }

    /// <summary>The volunteer themself: the signed-in user they were registered as.</summary>
    public bool IsActedOnBySelf(Actor by) => Account is not null && string.Equals(by.Id, Account, StringComparison.Ordinal);

    /// <summary>A leader of one of the volunteer's teams.</summary>
    public bool IsLedBy(Actor by) => Teams.Any(by.LeadsTeam);
}

public sealed record ServiceCredit(decimal Hours, int Points);
