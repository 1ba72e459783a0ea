using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class CorrectServiceEndpoint
{
    /// <summary>A correction is a new event that restates the record's hours; the points follow.</summary>
    [WolverinePost("/api/volunteers/{volunteerId}/service-records/{recordId}/corrections"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        Guid recordId, CorrectService command, [Aggregate] Volunteer volunteer, PointsRule rule, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request)
        => volunteer.CorrectService(recordId, command, rule, user.ToActor(), clock.GetUtcNow())
            .Respond(volunteer.Id, volunteer.Version, request);
}
