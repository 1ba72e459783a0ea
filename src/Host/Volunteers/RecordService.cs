using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class RecordServiceEndpoint
{
    /// <summary>Hours of service, credited with points by Volunteers:PointsPerHour.</summary>
    [WolverinePost("/api/volunteers/{volunteerId}/service-records"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        RecordService command, [Aggregate] Volunteer volunteer, PointsRule rule, ClaimsPrincipal user, TimeProvider clock,
        HttpRequest request)
        => volunteer.RecordService(command, rule, user.ToActor(), clock.GetUtcNow()).Respond(volunteer.Id, volunteer.Version, request);
}
