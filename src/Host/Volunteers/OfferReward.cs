using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class OfferRewardEndpoint
{
    [WolverinePost("/api/rewards"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        OfferReward command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Reward.Offer(command, user.ToActor(), clock.GetUtcNow()).StartStream<Reward>("/api/rewards", request);
}
