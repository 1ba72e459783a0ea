using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class CompleteVentureEndpoint
{
    [WolverinePost("/api/ventures/{ventureId}/complete"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        CompleteVenture command, [Aggregate] Venture venture, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => venture.Complete(command, user.ToActor(), clock.GetUtcNow()).Respond(venture.Id, venture.Version, request);
}
