using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class RestockRewardEndpoint
{
    [WolverinePost("/api/rewards/{rewardId}/restock"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        RestockReward command, [Aggregate] Reward reward, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => reward.Restock(command, user.ToActor(), clock.GetUtcNow()).Respond(reward.Id, reward.Version, request);
}
