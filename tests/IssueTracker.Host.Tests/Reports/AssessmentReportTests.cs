using System.Net;
using System.Text.Json;
using IssueTracker.Host.Tests.Boards;
using IssueTracker.Host.Tests.Deadlines;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace IssueTracker.Host.Tests.Reports;

/// <summary>A scripted month on a controlled clock, read back as the assessment (考核) and rebuilt from the event log.</summary>
[Collection(ClockCollection.Name)]
public class AssessmentReportTests(ClockFixture app)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_scripted_month_gives_exactly_the_expected_figures_score_and_ranking_and_a_rebuild_gives_the_same()
    {
        var month = await ScriptedMonth();
        await app.CaughtUp();

        var report = await Lines($"/api/reports/assessment?from={month}&to={month}&groupBy=organisation");
        report.ShouldBe([
            // rank key score | assigned ackInTime resolved onTime rated satisfied unsatisfied reopened repeat overdue escalated extensions | rates
            "1 hongse-wuye 68.5 | 4 3 4 2 3 3 0 0 1 3 1 0 | 0.75 0.5 1 0.75",
            "2 anju-wuye 53 | 2 1 2 2 1 0 1 1 1 1 0 1 | 0.5 1 0 0.5"
        ]);
        (await Lines($"/api/reports/assessment?from={month}&to={month}&groupBy=category"))
            .ShouldBe(["1 parking 63.17 | 6 4 6 4 4 3 1 1 2 4 1 1 | 0.6667 0.6667 0.75 0.6667"]);
        (await Lines($"/api/reports/assessment?from={month}&to={month}&groupBy=community")).Single().ShouldStartWith("1 明光社区 63.17 |");

        var daemon = app.Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync("Assessment", TimeSpan.FromMinutes(2), CancellationToken.None);
        (await Lines($"/api/reports/assessment?from={month}&to={month}&groupBy=organisation")).ShouldBe(report);
    }

    [Fact]
    public async Task The_spreadsheet_and_csv_hold_the_rows_under_chinese_headers()
    {
        var month = await ScriptedMonth();
        await app.CaughtUp();

        var xlsx = await _street.Auditor.Get($"/api/reports/assessment?from={month}&to={month}&format=xlsx");
        xlsx.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = (await new MemoryStream(await xlsx.Response.Content.ReadAsByteArrayAsync()).QueryAsync(useHeaderRow: true))
            .Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => $"{r["名次"]} {r["名称"]} {r["编号"]} {r["得分"]}").ShouldBe(["1 红色物业 hongse-wuye 68.5", "2 安居物业 anju-wuye 53"]);

        var csv = await (await _street.Host.Get($"/api/reports/assessment?from={month}&to={month}&format=csv")).Response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("名次,名称,编号,得分,交办数");
        lines[1].ShouldStartWith("1,红色物业,hongse-wuye,68.5,4,3,0.75");
        var byCategory = await (await _street.Host.Get($"/api/reports/assessment?from={month}&to={month}&groupBy=category&format=csv")).Response.Content.ReadAsStringAsync();
        byCategory.Split('\n')[1].ShouldStartWith("1,停车,parking,");
    }

    [Theory]
    [InlineData("from=2026-13&to=2026-11", "from")]
    [InlineData("from=2026-11&to=2026-10", "to")]
    [InlineData("from=2026-11&to=2026-11&groupBy=street", "groupBy")]
    [InlineData("from=2026-11&to=2026-11&format=pdf", "format")]
    [InlineData("to=2026-11", "from")]
    public async Task A_bad_period_grouping_or_format_is_a_validation_problem(string query, string field)
    {
        var answer = (await _street.Host.Get($"/api/reports/assessment?{query}")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        answer.ProblemType.ShouldBe("urn:issuetracker:problem:validation");
        answer.Body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private async Task<string[]> Lines(string url)
    {
        var body = (await _street.Auditor.Get(url)).ShouldHaveStatus(HttpStatusCode.OK).Body;
        static string N(JsonElement x) => x.ValueKind == JsonValueKind.Null ? "-" : x.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return body.GetProperty("rows").EnumerateArray().Select(r =>
            $"{r.GetProperty("rank")} {r.GetProperty("key")} {N(r.GetProperty("score"))} | " +
            string.Join(" ", new[] { "assigned", "acknowledgedInTime", "resolved", "resolvedOnTime", "rated", "satisfied", "unsatisfied",
                "reopened", "repeatComplaints", "overdue", "escalated", "extensionsApproved" }.Select(p => r.GetProperty(p).GetInt32())) +
            " | " + string.Join(" ", new[] { "acknowledgeRate", "onTimeRate", "satisfactionRate", "followUpRate" }.Select(p => N(r.GetProperty(p)))))
            .ToArray();
    }

    /// <summary>
    /// Two organisations through one month, starting on the 2nd at 09:00 in Shanghai: on-time and late resolutions,
    /// ratings, an unsatisfied rating that reopens, a duplicate of a closed issue, an approved extension, and a second
    /// missed deadline (督办). Every issue ends resolved or closed, so no timer can add to the month later.
    /// </summary>
    private async Task<string> ScriptedMonth()
    {
        var local = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Shanghai);
        var first = new DateTime(local.Year, local.Month, 1).AddMonths(1);
        var t0 = new DateTimeOffset(first.AddDays(1).AddHours(9), TimeSpan.FromHours(8));
        app.Clock.SetUtcNow(t0.ToUniversalTime());
        var (host, ours, theirs) = (_street.Host, _street.Assignee, _street.OtherAssignee);

        async Task<Guid> Assigned(string org, TimeSpan dueIn)
        {
            var id = await _street.Raise();
            (await host.Post($"/api/issues/{id}/assign", Bodies.Assign(org, t0 + dueIn))).ShouldHaveStatus(HttpStatusCode.OK);
            return id;
        }
        async Task Do(Client client, Guid id, string command, object body) =>
            (await client.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);

        var a = await Assigned(Street.PropertyCompany, TimeSpan.FromDays(3));
        var b = await Assigned(Street.PropertyCompany, TimeSpan.FromDays(2));
        var c = await Assigned(Street.OtherCompany, TimeSpan.FromDays(2));
        var d = await Assigned(Street.OtherCompany, TimeSpan.FromDays(5));
        var e = await Assigned(Street.PropertyCompany, TimeSpan.FromDays(3));
        var g = await Assigned(Street.PropertyCompany, TimeSpan.FromDays(1));

        app.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var id in new[] { a, b, e }) await Do(ours, id, "acknowledge", new { });
        await Do(theirs, c, "acknowledge", new { });
        await Do(theirs, c, "extension-requests", Bodies.Extension(t0 + TimeSpan.FromDays(6)));
        await Do(host, c, "extension-requests/1/approve", new { note = "同意" });

        app.Clock.Advance(TimeSpan.FromDays(1));
        await Do(theirs, d, "acknowledge", new { });
        await Do(ours, g, "acknowledge", new { });
        foreach (var id in new[] { a, e, g }) await Do(ours, id, "resolve", new { resolution = "已处理" });
        await Do(_street.Reporter, a, "confirm", new { satisfaction = "satisfied" });
        await Do(_street.Reporter, e, "confirm", new { satisfaction = "satisfied" });
        await Do(host, e, "close", new { reason = "已办结" });

        app.Clock.Advance(TimeSpan.FromDays(2));
        await Do(ours, b, "resolve", new { resolution = "已处理" });
        await Do(theirs, c, "resolve", new { resolution = "已处理" });
        await Do(theirs, d, "resolve", new { resolution = "已处理" });
        await Do(_street.Reporter, b, "confirm", new { satisfaction = "basicallySatisfied" });
        await Do(_street.Reporter, c, "confirm", new { satisfaction = "unsatisfied", comment = "漏水仍未解决" });
        await Do(host, c, "close", new { reason = "转维修基金处理" });
        var f = await _street.Raise();
        await Do(host, f, "duplicate", new { of = e });

        return first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }
}
