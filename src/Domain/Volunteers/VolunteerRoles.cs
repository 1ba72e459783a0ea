using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

/// <summary>The two roles of the volunteer service: a volunteer, and a leader of one team (their token's org).</summary>
public static class VolunteerRoles
{
    public const string Volunteer = "volunteer";
    public const string TeamLeader = "teamLeader";

    public static bool IsStaff(this Actor by) => by.IsAny(Roles.Host, Roles.Admin);

    public static bool LeadsTeam(this Actor by, string? teamId) =>
        by.Role == TeamLeader && teamId is not null && string.Equals(by.Org, teamId, StringComparison.Ordinal);
}

/// <summary>Volunteer teams are organisations of the directory: their ids are its slugs.</summary>
public static class TeamIds
{
    public static bool IsWellFormed(string? teamId) => Organisations.OrganisationIds.IsSlug(teamId);
}
