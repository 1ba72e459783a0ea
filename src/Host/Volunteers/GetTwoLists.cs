using IssueTracker.Projections.Volunteers;

namespace IssueTracker.Host.Volunteers;

public sealed record ResourceList(IReadOnlyList<ResourceCard> Items);

public sealed record NeedList(IReadOnlyList<NeedCard> Items);

/// <summary>An open need and the resources that could meet it.</summary>
public sealed record NeedMatch(NeedCard Need, IReadOnlyList<ResourceCard> Resources);

public sealed record MatchingView(IReadOnlyList<NeedMatch> Items);

public static class GetTwoListsEndpoint
{
    [WolverineGet("/api/resources")]
    public static async Task<ResourceList> Resources(IQuerySession session, CancellationToken ct) =>
        new(await session.Query<ResourceCard>().OrderBy(r => r.Category).ThenBy(r => r.Provider).Take(1000).ToListAsync(ct));

    [WolverineGet("/api/needs")]
    public static async Task<NeedList> Needs(bool? matched, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<NeedCard>().AsQueryable();
        if (matched is { } wanted) query = query.Where(n => n.Matched == wanted);
        return new(await query.OrderByDescending(n => n.ListedAt).Take(1000).ToListAsync(ct));
    }

    /// <summary>The matching view (两个清单对接): each open need with the resources of its category that serve its community.</summary>
    [WolverineGet("/api/needs/matches")]
    public static async Task<MatchingView> Matches(IQuerySession session, CancellationToken ct)
    {
        var needs = await session.Query<NeedCard>().Where(n => !n.Matched).OrderBy(n => n.ListedAt).Take(1000).ToListAsync(ct);
        var resources = await session.Query<ResourceCard>().Take(1000).ToListAsync(ct);
        return new(needs.Select(n => new NeedMatch(n, resources.Where(r => r.ToResource().Serves(n.Category, n.Community)).ToList()))
            .ToList());
    }
}
