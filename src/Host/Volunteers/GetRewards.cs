using IssueTracker.Projections.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public sealed record RewardList(IReadOnlyList<RewardOffer> Items);

public static class GetRewardsEndpoint
{
    [WolverineGet("/api/rewards")]
    public static async Task<RewardList> List(IQuerySession session, CancellationToken ct) =>
        new(await session.Query<RewardOffer>().OrderBy(r => r.Cost).ThenBy(r => r.Name).ToListAsync(ct));

    [WolverineGet("/api/rewards/{rewardId}")]
    [ProducesResponseType<RewardOffer>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid rewardId, IQuerySession session, HttpContext context, CancellationToken ct)
    {
        var reward = await session.LoadAsync<RewardOffer>(rewardId, ct);
        if (reward is null) return Problems.NotFound("reward");
        context.Response.SetETag(reward.Version);
        return TypedResults.Ok(reward);
    }
}
