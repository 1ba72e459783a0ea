using IssueTracker.Domain.Volunteers;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class RecordWishEndpoint
{
    /// <summary>A grid worker or a host records a resident's small wish (微心愿); the resident stays private.</summary>
    [WolverinePost("/api/wishes"), Authorize(Roles = Who.Reporters)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        RecordWish command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Wish.Record(command, user.ToActor(), clock.GetUtcNow()).StartStream<Wish>("/api/wishes", request);
}
