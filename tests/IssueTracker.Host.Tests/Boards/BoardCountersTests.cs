using System.Net;
using IssueTracker.Host.Boards;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Projections.StatusBoard;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>
/// The board's maintained counters against the board grouped from the rows at read time (as it was computed before
/// the counters: count(*), the overdue rule, percentile_cont): the same answer whatever happened to the rows.
/// </summary>
[Collection(AppCollection.Name)]
public class BoardCountersTests(AppFixture app)
{
    private static readonly string[] GroupBys = ["community", "grid", "category"];
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_counters_stay_exact_through_a_lifecycle_a_reassignment_a_reopen_and_a_rebuild()
    {
        var parking = await _street.Raise(Bodies.ParkingLock());
        var poultry = await _street.Raise(Bodies.LoosePoultry("全椒路社区"));
        var leak = await _street.Raise(Bodies.LeakingBuilding());
        await ShouldMatchTheRows(_street, issues: 3);

        var soon = DateTimeOffset.UtcNow.AddSeconds(5);
        await Ok(_street.Host, parking, "assign", Bodies.Assign(dueBy: soon));
        await Ok(_street.Assignee, parking, "acknowledge", new { });
        // Past its due date with no timer fired yet: overdue by the clock, not by the stored flag.
        while (DateTimeOffset.UtcNow <= soon) await Task.Delay(50);
        await Ok(_street.Host, poultry, "assign", Bodies.Assign());
        await Ok(_street.Host, poultry, "assign", Bodies.Assign(Street.OtherCompany));
        await Ok(_street.Host, leak, "assign", Bodies.Assign());
        await Ok(_street.Assignee, leak, "acknowledge", new { });
        await Ok(_street.Assignee, leak, "resolve", new { resolution = "屋顶已修补" });
        await ShouldMatchTheRows(_street, issues: 3);

        await Ok(_street.Reporter, leak, "reopen", new { reason = "又漏了" });
        await Ok(_street.Host, leak, "assign", Bodies.Assign());
        await Ok(_street.Assignee, leak, "acknowledge", new { });
        await Ok(_street.Assignee, leak, "resolve", new { resolution = "整体换了防水层" });
        await Ok(_street.Reporter, leak, "confirm", new { satisfaction = "satisfied", comment = "好了" });
        await Ok(_street.Host, poultry, "withdraw", new { reason = "已自行解决" });
        await ShouldMatchTheRows(_street, issues: 3);
        (await _street.StatusBoard("category")).ShouldContain("repairs: confirmed=1 | overdue 0 | total 1 | median 0");

        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync("StatusBoard", TimeSpan.FromMinutes(2), CancellationToken.None);
        await ShouldMatchTheRows(_street, issues: 3);

        // The street rebuilt from nothing in one transaction: the trigger paused, the street counted again once.
        await using (var session = app.Store.LightweightSession(_street.Id))
        {
            session.DeleteWhere<StatusBoardRow>(x => true);
            await session.SaveChangesAsync();
        }
        await app.Host.Services.GetRequiredService<StreamRebuild>().RebuildAsync("StatusBoard", _street.Id, CancellationToken.None);
        await ShouldMatchTheRows(_street, issues: 3);
    }

    [Fact]
    public async Task Two_streets_never_mix_and_deleted_rows_leave_the_counts()
    {
        var other = app.NewStreet();
        await _street.Raise(Bodies.ParkingLock());
        await _street.Raise(Bodies.ParkingLock(grid: 7));
        await other.Raise(Bodies.ParkingLock());
        await ShouldMatchTheRows(_street, issues: 2);
        await ShouldMatchTheRows(other, issues: 1);
        (await other.StatusBoard("grid")).ShouldBe(["12: raised=1 | overdue 0 | total 1 | median -"]);

        await using (var session = app.Store.LightweightSession(_street.Id))
        {
            session.DeleteWhere<StatusBoardRow>(x => x.Grid == 7);
            await session.SaveChangesAsync();
        }
        await ShouldMatchTheRows(_street, issues: 1);
        await ShouldMatchTheRows(other, issues: 1);
    }

    /// <summary>
    /// Resolution times at and around the 0.05-day rounding edges, odd and even counts, two middle values in one
    /// bucket and in two: the median is percentile_cont's, rounded as the board always rounded it.
    /// </summary>
    [Theory]
    [InlineData(new[] { 0.25 })]
    [InlineData(new[] { 0.25, 0.35 })]
    [InlineData(new[] { 0.1, 0.2 })]
    [InlineData(new[] { 0.04999, 0.05001 })]
    [InlineData(new[] { 0.0, 0.1, 0.2, 0.3 })]
    [InlineData(new[] { 1.0 / 3, 2.0 / 3, 1.0, 1.15, 1.25, 7.05 })]
    [InlineData(new[] { 2.0, 2.0, 2.1, 2.1 })]
    [InlineData(new[] { 0.149999, 0.15, 0.150001, 0.249, 0.25, 0.35, 0.45, 0.55 })]
    [InlineData(new[] { 30.0, 0.000001, 12.34567, 12.35, 12.45, 0.05, 0.15, 99.95, 3.0 })]
    public async Task The_median_is_percentile_conts_on_awkward_resolution_times(double[] days)
    {
        var raised = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using (var session = app.Store.LightweightSession(_street.Id))
        {
            for (var i = 0; i < days.Length; i++)
                session.Store(new StatusBoardRow
                {
                    Id = Guid.NewGuid(), Street = _street.Id, Title = $"#{i}", Community = i % 2 == 0 ? "明光社区" : "滨河社区",
                    Grid = 12, Status = Domain.Issues.IssueStatus.Resolved, RaisedAt = raised,
                    ResolvedAt = raised.AddTicks((long)Math.Round(days[i] * TimeSpan.TicksPerDay / 10) * 10)
                });
            await session.SaveChangesAsync();
        }

        await ShouldMatchTheRows(_street, issues: days.Length);
    }

    [Fact]
    public async Task The_counters_schema_is_the_one_db_assert_expects_on_statusboardrows_table()
    {
        await ShouldMatchTheRows(_street, issues: 0);
        await using var session = app.Store.QuerySession(_street.Id);
        var counters = new BoardCounters((StoreOptions)app.Store.Options);
        counters.Objects.OfType<Weasel.Postgresql.Triggers.Trigger>().ShouldAllBe(t => t.Target.QualifiedName == BoardSql.Rows(session));

        await using var connection = new Npgsql.NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        var migration = await Weasel.Core.SchemaMigration.DetermineAsync(connection, CancellationToken.None, counters.Objects);
        migration.Deltas.Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None)
            .Select(d => $"{d.SchemaObject.Identifier}: {d.Difference}").ShouldBeEmpty();
    }

    private async Task ShouldMatchTheRows(Street street, int issues)
    {
        await app.CaughtUp();
        foreach (var groupBy in GroupBys)
        {
            var board = (await street.Reporter.Get($"/api/boards/status?groupBy={groupBy}")).ShouldHaveStatus(HttpStatusCode.OK).Body;
            var expected = await GroupedFromTheRows(street, groupBy);
            (await street.StatusBoard(groupBy)).ShouldBe(expected.Rows, $"grouped by {groupBy}");
            var all = board.GetProperty("all");
            all.GetProperty("total").GetInt32().ShouldBe(issues);
            all.GetProperty("medianDaysToResolve").ToString().ShouldBe(expected.Median, $"the street's median, grouped by {groupBy}");
        }
    }

    /// <summary>The board as GetStatusBoard grouped it before the counters, in <see cref="BoardViews.StatusBoard"/>'s words.</summary>
    private async Task<(string[] Rows, string Median)> GroupedFromTheRows(Street street, string groupBy)
    {
        var column = groupBy == "grid" ? "grid::text" : groupBy;
        await using var session = app.Store.QuerySession(street.Id);
        var rows = BoardSql.Rows(session);
        var days = "extract(epoch from resolved_at - raised_at) / 86400";
        var counts = await session.AdvancedSql.QueryAsync<Count>($"""
            select json_build_object('key', {column}, 'status', status, 'issues', count(*), 'overdue', count(*) filter (where {BoardSql.IsOverdue}))
            from {rows} where tenant_id = ? group by {column}, status
            """, CancellationToken.None, DateTimeOffset.UtcNow, street.Id);
        var medians = await session.AdvancedSql.QueryAsync<Median>($"""
            select json_build_object('key', {column}, 'all', grouping({column}) = 1, 'days', percentile_cont(0.5) within group (order by {days}))
            from {rows} where tenant_id = ? and resolved_at is not null group by grouping sets (({column}), ())
            """, CancellationToken.None, street.Id);
        var board = (await street.Reporter.Get($"/api/boards/status?groupBy={groupBy}")).Body.GetProperty("rows");
        var order = board.EnumerateArray().Select(r => r.GetProperty("key").ToString()).ToList();
        return (counts.GroupBy(x => x.Key)
            .Select(g => (Key: Wire(groupBy, g.Key), g))
            .OrderBy(x => order.IndexOf(x.Key))
            .Select(x => $"{x.Key}: {string.Join(" ", x.g.Select(c => $"{Camel(c.Status)}={c.Issues}").Order(StringComparer.Ordinal))} | " +
                         $"overdue {x.g.Sum(c => c.Overdue)} | total {x.g.Sum(c => c.Issues)} | " +
                         $"median {Rounded(medians.FirstOrDefault(m => !m.All && m.Key == x.g.Key)?.Days) ?? "-"}")
            .ToArray(), Rounded(medians.FirstOrDefault(m => m.All)?.Days) ?? "");
    }

    private static string Wire(string groupBy, string? key) => groupBy == "category" && key is not null ? Camel(key) : key ?? "";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Rounded(double? days) => days is { } value ? Math.Round(value, 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private sealed record Count(string? Key, string Status, int Issues, int Overdue);

    private sealed record Median(string? Key, bool All, double? Days);

    private static async Task Ok(Client by, Guid id, string command, object body) =>
        (await by.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);
}
