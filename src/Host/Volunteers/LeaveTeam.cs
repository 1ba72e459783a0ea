using System.Security.Claims;
using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
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
