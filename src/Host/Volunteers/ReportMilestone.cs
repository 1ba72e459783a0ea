using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ReportMilestoneEndpoint
{
    [WolverinePost("/api/ventures/{ventureId}/milestones"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ReportMilestone command, [Aggregate] Venture venture, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => venture.ReportMilestone(command, user.ToActor(), clock.GetUtcNow()).Respond(venture.Id, venture.Version, request);
}
