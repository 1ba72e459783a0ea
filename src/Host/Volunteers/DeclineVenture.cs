using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class DeclineVentureEndpoint
{
    [WolverinePost("/api/ventures/{ventureId}/decline"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        DeclineVenture command, [Aggregate] Venture venture, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => venture.Decline(command, user.ToActor(), clock.GetUtcNow()).Respond(venture.Id, venture.Version, request);
}
