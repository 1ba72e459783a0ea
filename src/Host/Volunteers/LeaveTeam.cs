using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class LeaveTeamEndpoint
{
    [WolverineDelete("/api/volunteers/{volunteerId}/teams/{teamId}"), Authorize(Roles = VolunteerWho.Members)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Delete(
        string teamId, [Aggregate] Volunteer volunteer, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => volunteer.LeaveTeam(teamId, user.ToActor(), clock.GetUtcNow()).Respond(volunteer.Id, volunteer.Version, request);
}
