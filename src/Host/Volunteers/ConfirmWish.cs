using IssueTracker.Domain.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public static class ConfirmWishEndpoint
{
    /// <summary>The recorder confirms the wish fulfilled: the wish and each fulfiller's points, in one transaction.</summary>
    [WolverinePost("/api/wishes/{wishId}/confirm"), Authorize(Roles = Who.Reporters)]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid wishId, IDocumentStore store, PointsRule rule, ClaimsPrincipal user, TimeProvider clock,
        HttpRequest request, CancellationToken ct) =>
        RetriedWrites.RunAsync(store, request.HttpContext, clock, async session =>
        {
            var wish = await session.Events.FetchForWriting<Wish>(wishId, ct);
            if (wish.Aggregate is null) return Problems.NotFound("wish");
            if (request.IfMatchFails(wish.Aggregate.Version) is { } stale) return stale;
            return await wish.Aggregate.Confirm(rule, user.ToActor(), clock.GetUtcNow())
                .AppendAsync(wish, wish.Aggregate.Version, session, ct);
        }, ct);
}
