using IssueTracker.Domain.Volunteers;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ListResourceEndpoint
{
    /// <summary>A host lists a unit's resource on the 资源清单.</summary>
    [WolverinePost("/api/resources"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        ListResource command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Resource.List(command, user.ToActor(), clock.GetUtcNow()).StartStream<Resource>("/api/resources", request);
}
