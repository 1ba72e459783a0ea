using IssueTracker.Domain.Volunteers;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ListNeedEndpoint
{
    /// <summary>A grid worker or a host lists a resident's need on the 需求清单.</summary>
    [WolverinePost("/api/needs"), Authorize(Roles = Who.Reporters)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        ListNeed command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Need.List(command, user.ToActor(), clock.GetUtcNow()).StartStream<Need>("/api/needs", request);
}
