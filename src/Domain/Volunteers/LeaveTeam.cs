using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed partial record Volunteer
{
    public Decision LeaveTeam(string teamId, Actor by, DateTimeOffset now)
    {
        if (!IsActedOnBySelf(by) && !by.IsStaff() && !by.LeadsTeam(teamId))
            return new Forbidden("Only the volunteer, a host or a leader of that team takes a volunteer off a team.");
        if (!Teams.Contains(teamId))
            return new InvalidTransition("leave", "notMember", "The volunteer is not in this team.");
        return Decision.Accept(new VolunteerLeftTeam(teamId, by, now));
    }
}
