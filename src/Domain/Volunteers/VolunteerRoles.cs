using System.Text.RegularExpressions;
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
public static partial class TeamIds
{
    public static bool IsWellFormed(string? teamId) => teamId is not null && Slug().IsMatch(teamId);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex Slug();
}
