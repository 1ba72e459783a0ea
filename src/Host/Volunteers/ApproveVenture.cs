using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ApproveVentureEndpoint
{
    [WolverinePost("/api/ventures/{ventureId}/approve"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ApproveVenture command, [Aggregate] Venture venture, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => venture.Approve(command, user.ToActor(), clock.GetUtcNow()).Respond(venture.Id, venture.Version, request);
}
