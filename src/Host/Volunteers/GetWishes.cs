using IssueTracker.Domain.Volunteers;
using IssueTracker.Projections.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public sealed record WishList(IReadOnlyList<WishCard> Items);

public static class GetWishesEndpoint
{
    /// <summary>The wish wall: newest first, optionally by status (open ones are there to be claimed).</summary>
    [WolverineGet("/api/wishes")]
    public static async Task<WishList> List(WishStatus? status, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = session.Query<WishCard>().AsQueryable();
        if (status is { } wanted) query = query.Where(w => w.Status == wanted);
        var wishes = await query.OrderByDescending(w => w.RecordedAt).Take(500).ToListAsync(ct);
        return new(user.SeesPrivateData() ? wishes : wishes.Select(w => w.WithoutResident()).ToList());
    }

    [WolverineGet("/api/wishes/{wishId}")]
    [ProducesResponseType<WishCard>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid wishId, IQuerySession session, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        var wish = await session.LoadAsync<WishCard>(wishId, ct);
        if (wish is null) return Problems.NotFound("wish");
        context.Response.SetETag(wish.Version);
        return TypedResults.Ok(user.SeesPrivateData() ? wish : wish.WithoutResident());
    }
}
