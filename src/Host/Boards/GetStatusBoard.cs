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

        // Marten creates a document's table on its first use; the counters are created (and count what is there) on theirs.
        await session.Database.EnsureStorageExistsAsync(typeof(BoardCounters), ct);
        var rows = BoardSql.Rows(session);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        // One statement, so one snapshot: the counters and the rows the clock makes overdue are read as of one moment.
        var figures = (await session.AdvancedSql.QueryAsync<Figures>($"""
            select json_build_object(
                'counts', (select coalesce(json_agg(json_build_object('key', key, 'status', status, 'count', issues, 'overdue', flagged)), '[]')
                    from {schema}.{BoardCounters.Counts} where tenant_id = ? and dimension = ? and issues > 0),
                'pastDue', (select coalesce(json_agg(json_build_object('key', key, 'count', count)), '[]') from ({PastDueSql(rows, column)}) late),
                'histogram', (select coalesce(json_agg(json_build_object('key', key, 'tenths', tenths, 'resolved', resolved) order by key, tenths), '[]')
                    from {schema}.{BoardCounters.Histogram} where tenant_id = ? and dimension = ? and resolved > 0))
            """, ct, session.TenantId, groupBy, session.TenantId, clock.GetUtcNow(), session.TenantId, groupBy)).Single();
        var (counts, histogram) = (figures.Counts, figures.Histogram);
        var pastDue = figures.PastDue.ToDictionary(x => x.Key, x => x.Count);
        var medians = new Dictionary<string, double?>();
        foreach (var key in histogram.Select(x => x.Key).Distinct())
            medians[key] = await MedianAsync(session, rows, column, key, histogram.Where(x => x.Key == key).ToList(), ct);
        var streetMedian = await MedianAsync(session, rows, column, null,
            histogram.GroupBy(x => x.Tenths).Select(b => new Bucket("", b.Key, b.Sum(x => x.Resolved))).OrderBy(x => x.Tenths).ToList(), ct);

        var groups = counts.GroupBy(x => x.Key)
            .Select(g => new StatusBoardGroup(
                Label(groupBy, g.Key),
                g.ToDictionary(x => Enum.Parse<IssueStatus>(x.Status, ignoreCase: true).ToWire(), x => x.Count),
                g.Sum(x => x.Overdue) + pastDue.GetValueOrDefault(g.Key), g.Sum(x => x.Count),
                Days(medians.GetValueOrDefault(g.Key))))
            .OrderBy(x => groupBy == "grid" && int.TryParse(x.Key, out var grid) ? grid : 0).ThenBy(x => x.Key, StringComparer.Ordinal)
            .ToList();
        var all = new StatusBoardGroup(null,
            groups.SelectMany(r => r.Counts).GroupBy(c => c.Key).ToDictionary(c => c.Key, c => c.Sum(x => x.Value)),
            groups.Sum(r => r.Overdue), groups.Sum(r => r.Total), Days(streetMedian));
        return TypedResults.Ok(new StatusBoardView(groupBy, groups, all));
    }

    /// <summary>
    /// percentile_cont(0.5) of the resolution days, from the histogram: the middle value's bucket is its rounded value,
    /// and so is the mean of two middle values in one bucket; only two middle values in different buckets are read.
    /// </summary>
    private static async Task<double?> MedianAsync(
        IQuerySession session, string rows, string column, string? key, IReadOnlyList<Bucket> buckets, CancellationToken ct)
    {
        var resolved = buckets.Sum(x => x.Resolved);
        if (resolved == 0) return null;
        int Tenths(int position)
        {
            var before = 0;
            foreach (var bucket in buckets)
                if ((before += bucket.Resolved) > position) return bucket.Tenths;
            throw new InvalidOperationException("The position is past the histogram.");
        }
        int low = Tenths((resolved - 1) / 2), high = Tenths(resolved / 2);
        if (low == high) return low / 10.0;

        object[] parameters = key is null ? [low, high, session.TenantId, low - 1, high + 1] : [low, high, session.TenantId, low - 1, high + 1, key];
        var middle = (await session.AdvancedSql.QueryAsync<Middle>(MiddleSql(rows, column, key is not null), ct, parameters)).Single();
        // The rows may have moved on since the histogram was read (a later snapshot): then the two buckets' middle stands in.
        if (middle is not { Low: { } a, High: { } b }) return (low + high) / 20.0;
        // percentile_cont's own interpolation, in float8 as PostgreSQL does it.
        return a + (b - a) * 0.5;
    }

    /// <summary>
    /// The street's unflagged work past its due date, per key (parameters: street, now): read through the partial
    /// (tenant_id, due_by) index of BoardStorage, so in proportion to the deadlines whose timers have not fired yet.
    /// </summary>
    internal static string PastDueSql(string rows, string column) => $"""
        select coalesce({column}, '{BoardCounters.NoKey}') as key, count(*) as count
        from {rows} where tenant_id = ? and {BoardSql.OverdueBeyondTheFlag} group by {column}
        """;

    /// <summary>
    /// The highest resolution time in bucket low and the lowest in bucket high (parameters: low, high, street, low - 1,
    /// high + 1, and the key when grouped): only the rows near the two buckets are read, through the resolution_tenths
    /// index, then bucketed exactly as the histogram counts them.
    /// </summary>
    internal static string MiddleSql(string rows, string column, bool grouped)
    {
        var group = grouped ? $"and coalesce({column}, '{BoardCounters.NoKey}') = ?" : "";
        return $"""
            select json_build_object('low', max(days) filter (where tenths = ?), 'high', min(days) filter (where tenths = ?))
            from (select {BoardCounters.Days("raised_at", "resolved_at")} as days, {BoardCounters.BucketOfRow} as tenths from {rows}
                  where tenant_id = ? and resolution_tenths between ? and ? and resolved_at is not null {group}) resolved
            """;
    }

    private static string? Label(string groupBy, string? key) => groupBy switch
    {
        "category" when key is not null => IssueStatuses.JsonName(Enum.Parse<IssueCategory>(key, ignoreCase: true).ToString()),
        "grid" when key == BoardCounters.NoKey => null,
        _ => key
    };

    private sealed record Figures(IReadOnlyList<StatusCount> Counts, IReadOnlyList<KeyCount> PastDue, IReadOnlyList<Bucket> Histogram);

    private sealed record StatusCount(string Key, string Status, int Count, int Overdue);

    private sealed record KeyCount(string Key, int Count);

    private sealed record Bucket(string Key, int Tenths, int Resolved);

    private sealed record Middle(double? Low, double? High);

    private static double? Days(double? days) => days is { } value ? Math.Round(value, 1) : null;
}
