using IssueTracker.Projections.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public sealed record VentureList(IReadOnlyList<VentureCard> Items);

public static class GetVenturesEndpoint
{
    [WolverineGet("/api/ventures")]
    public static async Task<VentureList> List(IQuerySession session, CancellationToken ct) =>
        new(await session.Query<VentureCard>().OrderByDescending(v => v.ProposedAt).Take(500).ToListAsync(ct));

    [WolverineGet("/api/ventures/{ventureId}")]
    [ProducesResponseType<VentureCard>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid ventureId, IQuerySession session, HttpContext context, CancellationToken ct)
    {
        var venture = await session.LoadAsync<VentureCard>(ventureId, ct);
        if (venture is null) return Problems.NotFound("venture");
        context.Response.SetETag(venture.Version);
        return TypedResults.Ok(venture);
    }
}
