using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record JoinTeam(string? TeamId);

public sealed partial record Volunteer
{
    /// <param name="teamExists">Whether the directory has a volunteer team of that id in the street.</param>
    public Decision JoinTeam(JoinTeam command, bool teamExists, Actor by, DateTimeOffset now)
    {
        if (!IsActedOnBySelf(by) && !by.IsStaff() && !by.LeadsTeam(command.TeamId))
            return new Forbidden("Only the volunteer, a host or a leader of that team adds a volunteer to a team.");
        var validation = new Validation()
            .Check(TeamIds.IsWellFormed(command.TeamId), "teamId", "'teamId' is required: a volunteer team's id.")
            .Check(!TeamIds.IsWellFormed(command.TeamId) || teamExists, "teamId", "'teamId' names no volunteer team in this street.");
        if (!validation.IsValid) return validation.ToRejection();
        if (Teams.Contains(command.TeamId!))
            return new InvalidTransition("join", "member", "The volunteer is already in this team.");
        return Decision.Accept(new VolunteerJoinedTeam(command.TeamId!, by, now));
    }
}
