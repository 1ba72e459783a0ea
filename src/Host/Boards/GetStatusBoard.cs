using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

/// <summary>The board grouped one way; <c>All</c> is the whole street (its median is over all resolved issues).</summary>
public sealed record StatusBoardView(string GroupBy, IReadOnlyList<StatusBoardGroup> Rows, StatusBoardGroup All);

public sealed record StatusBoardGroup(
    string? Key, IReadOnlyDictionary<string, int> Counts, int Overdue, int Total, double? MedianDaysToResolve);

public static class GetStatusBoardEndpoint
{
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["community"] = "community", ["grid"] = "grid::text", ["category"] = "category"
    };

    [ApiOperation("Status board: counts by community, grid or category", "状态看板：按社区、网格或类别统计",
        Description = "Counts per status, overdue counts and the median days to resolve.",
        ChineseDescription = "各状态数量、超期数量及办结天数中位数。")]
    [WolverineGet("/api/boards/status")]
    [ProducesResponseType<StatusBoardView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? groupBy, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        groupBy ??= "community";
        if (!Columns.TryGetValue(groupBy, out var column))
            return Problems.For(new Validation().Add("groupBy", "'groupBy' must be community, grid or category.").ToRejection());

        var rows = BoardSql.Rows(session);
        var counts = await session.AdvancedSql.QueryAsync<StatusCount>($"""
            select json_build_object('key', {column}, 'status', status, 'count', count(*),
                'overdue', count(*) filter (where {BoardSql.IsOverdue}))
            from {rows} where tenant_id = ? group by {column}, status
            """, ct, clock.GetUtcNow(), session.TenantId);
        var medians = await session.AdvancedSql.QueryAsync<Median>($"""
            select json_build_object('key', {column}, 'all', grouping({column}) = 1, 'days',
                percentile_cont(0.5) within group (order by extract(epoch from resolved_at - raised_at) / 86400))
            from {rows} where tenant_id = ? and resolved_at is not null group by grouping sets (({column}), ())
            """, ct, session.TenantId);

        var groups = counts.GroupBy(x => x.Key)
            .Select(g => new StatusBoardGroup(
                Label(groupBy, g.Key),
                g.ToDictionary(x => Enum.Parse<IssueStatus>(x.Status, ignoreCase: true).ToWire(), x => x.Count),
                g.Sum(x => x.Overdue), g.Sum(x => x.Count),
                Days(medians.FirstOrDefault(m => !m.All && m.Key == g.Key))))
            .OrderBy(x => groupBy == "grid" && int.TryParse(x.Key, out var grid) ? grid : 0).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
        var all = new StatusBoardGroup(null,
            groups.SelectMany(r => r.Counts).GroupBy(c => c.Key).ToDictionary(c => c.Key, c => c.Sum(x => x.Value)),
            groups.Sum(r => r.Overdue), groups.Sum(r => r.Total), Days(medians.FirstOrDefault(m => m.All)));
        return TypedResults.Ok(new StatusBoardView(groupBy, groups, all));
    }

    private static string? Label(string groupBy, string? key) =>
        groupBy == "category" && key is not null
            ? IssueStatuses.JsonName(Enum.Parse<IssueCategory>(key, ignoreCase: true).ToString())
            : key;

    private sealed record StatusCount(string? Key, string Status, int Count, int Overdue);

    private static double? Days(Median? median) => median?.Days is { } days ? Math.Round(days, 1) : null;

    private sealed record Median(string? Key, bool All, double? Days);
}
