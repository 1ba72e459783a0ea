using IssueTracker.Domain.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.StatusBoard;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

public sealed record SatisfactionCounts(int Satisfied, int BasicallySatisfied, int Unsatisfied);

/// <summary>
/// One organisation's record (责任单位履职): open and overdue work now; resolutions, those on time (no ResolutionOverdue
/// since the assignment they answer) and the rate; the residents' ratings of its resolutions (回访).
/// </summary>
public sealed record OrganisationPerformance(
    string Org, int Open, int Overdue, int Resolved, int ResolvedOnTime, double? OnTimeRate, SatisfactionCounts Satisfaction,
    string? OrgName = null);

public sealed record CategorySatisfaction(string Category, SatisfactionCounts Satisfaction);

public sealed record PerformanceView(IReadOnlyList<OrganisationPerformance> Organisations, IReadOnlyList<CategorySatisfaction> Categories);

public static class GetPerformanceEndpoint
{
    /// <summary>
    /// Open and overdue work grouped in SQL over the board's columns; resolutions and ratings summed from the per-issue
    /// tallies of the status board rows that have any, per organisation and per category.
    /// </summary>
    [ApiOperation("Assignee performance board", "责任单位履职看板",
        Description = "Per organisation: open and overdue work, resolutions on time, residents' ratings.",
        ChineseDescription = "各责任单位：待办与超期、按时办结率、居民回访评价。")]
    [WolverineGet("/api/boards/performance")]
    [ProducesResponseType<PerformanceView>(StatusCodes.Status200OK)]
    public static async Task<PerformanceView> Get(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var open = await session.AdvancedSql.QueryAsync<OpenWork>($"""
            select json_build_object('key', assignee, 'open', count(*), 'overdue', count(*) filter (where {BoardSql.IsOverdue}))
            from {BoardSql.Rows(session)} where awaiting_resolution and tenant_id = ? group by assignee
            """, ct, clock.GetUtcNow(), session.TenantId);
        var tallied = await session.Query<StatusBoardRow>().Where(x => x.Tallies.Any())
            .Select(x => new TalliedIssue(x.Category, x.Tallies)).ToListAsync(ct);
        var byOrg = tallied.SelectMany(x => x.Tallies).GroupBy(t => t.Org).ToDictionary(g => g.Key, g => Sum(g));

        var names = await OrganisationDirectory.NamesAsync(session, ct);
        var organisations = open.Select(x => x.Key).Union(byOrg.Keys).Order(StringComparer.Ordinal)
            .Select(org => Performance(org, open.FirstOrDefault(x => x.Key == org), byOrg.GetValueOrDefault(org))
                with
            { OrgName = names.NameOf(org) })
            .ToList();
        var categories = tallied.GroupBy(x => x.Category)
            .Select(g => new CategorySatisfaction(IssueStatuses.JsonName(g.Key.ToString()), Sum(g.SelectMany(x => x.Tallies)).Ratings))
            .Where(x => x.Satisfaction.Satisfied + x.Satisfaction.BasicallySatisfied + x.Satisfaction.Unsatisfied > 0)
            .OrderBy(x => x.Category, StringComparer.Ordinal).ToList();
        return new PerformanceView(organisations, categories);
    }

    private static Tally Sum(IEnumerable<AssigneeTally> tallies) => tallies.Aggregate(new Tally(0, 0, 0, 0, 0), (sum, t) =>
        new(sum.Resolved + t.Resolved, sum.ResolvedOnTime + t.ResolvedOnTime, sum.Satisfied + t.Satisfied,
            sum.BasicallySatisfied + t.BasicallySatisfied, sum.Unsatisfied + t.Unsatisfied));

    private static OrganisationPerformance Performance(string org, OpenWork? open, Tally? tally)
    {
        tally ??= new Tally(0, 0, 0, 0, 0);
        return new OrganisationPerformance(org, open?.Open ?? 0, open?.Overdue ?? 0, tally.Resolved, tally.ResolvedOnTime,
            tally.Resolved == 0 ? null : Math.Round((double)tally.ResolvedOnTime / tally.Resolved, 3), tally.Ratings);
    }

    public sealed record TalliedIssue(IssueCategory Category, IReadOnlyList<AssigneeTally> Tallies);

    private sealed record OpenWork(string Key, int Open, int Overdue);

    private sealed record Tally(int Resolved, int ResolvedOnTime, int Satisfied, int BasicallySatisfied, int Unsatisfied)
    {
        public SatisfactionCounts Ratings => new(Satisfied, BasicallySatisfied, Unsatisfied);
    }
}
