using IssueTracker.Domain.Issues;
using IssueTracker.Host.Organisations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using IssueTracker.Host.Infrastructure.OpenApi;

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
    private const string Tallies = """
        cross join lateral jsonb_to_recordset(r.data -> 'tallies') as t(org text, resolved int, "resolvedOnTime" int,
            satisfied int, "basicallySatisfied" int, unsatisfied int)
        """;

    private const string Sums = """
        'resolved', sum(t.resolved), 'resolvedOnTime', sum(t."resolvedOnTime"), 'satisfied', sum(t.satisfied),
        'basicallySatisfied', sum(t."basicallySatisfied"), 'unsatisfied', sum(t.unsatisfied)
        """;

    /// <summary>Sums the per-issue tallies of the status board rows in SQL, per organisation and per category.</summary>
    [ApiOperation("Assignee performance board", "责任单位履职看板",
        Description = "Per organisation: open and overdue work, resolutions on time, residents' ratings.",
        ChineseDescription = "各责任单位：待办与超期、按时办结率、居民回访评价。")]
    [WolverineGet("/api/boards/performance")]
    [ProducesResponseType<PerformanceView>(StatusCodes.Status200OK)]
    public static async Task<PerformanceView> Get(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var open = await session.AdvancedSql.QueryAsync<OpenWork>($"""
            select json_build_object('key', data ->> 'assignee', 'open', count(*), 'overdue', count(*) filter (where {BoardSql.IsOverdue}))
            from {BoardSql.Rows} where awaiting_resolution and tenant_id = ? group by data ->> 'assignee'
            """, ct, clock.GetUtcNow(), session.TenantId);
        var byOrg = await session.AdvancedSql.QueryAsync<Tally>(
            $"select json_build_object('key', t.org, {Sums}) from {BoardSql.Rows} r {Tallies} where r.tenant_id = ? group by t.org",
            ct, session.TenantId);
        var byCategory = await session.AdvancedSql.QueryAsync<Tally>(
            $"select json_build_object('key', r.category, {Sums}) from {BoardSql.Rows} r {Tallies} where r.tenant_id = ? group by r.category",
            ct, session.TenantId);

        var names = await OrganisationDirectory.NamesAsync(session, ct);
        var organisations = open.Select(x => x.Key).Union(byOrg.Select(x => x.Key)).Order(StringComparer.Ordinal)
            .Select(org => Performance(org, open.FirstOrDefault(x => x.Key == org), byOrg.FirstOrDefault(x => x.Key == org))
                with { OrgName = names.NameOf(org) })
            .ToList();
        var categories = byCategory
            .Where(x => x.Satisfied + x.BasicallySatisfied + x.Unsatisfied > 0)
            .Select(x => new CategorySatisfaction(IssueStatuses.JsonName(Enum.Parse<IssueCategory>(x.Key, ignoreCase: true).ToString()), x.Ratings))
            .OrderBy(x => x.Category, StringComparer.Ordinal).ToList();
        return new PerformanceView(organisations, categories);
    }

    private static OrganisationPerformance Performance(string org, OpenWork? open, Tally? tally)
    {
        tally ??= new Tally(org, 0, 0, 0, 0, 0);
        return new OrganisationPerformance(org, open?.Open ?? 0, open?.Overdue ?? 0, tally.Resolved, tally.ResolvedOnTime,
            tally.Resolved == 0 ? null : Math.Round((double)tally.ResolvedOnTime / tally.Resolved, 3), tally.Ratings);
    }

    private sealed record OpenWork(string Key, int Open, int Overdue);

    private sealed record Tally(string Key, int Resolved, int ResolvedOnTime, int Satisfied, int BasicallySatisfied, int Unsatisfied)
    {
        public SatisfactionCounts Ratings => new(Satisfied, BasicallySatisfied, Unsatisfied);
    }
}
