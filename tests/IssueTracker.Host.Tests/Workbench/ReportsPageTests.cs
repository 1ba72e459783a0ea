using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Host.Tests.Boards;
using Marten.Events;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class ReportsPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_auditor_sees_the_months_assessment_table_and_its_charts_and_downloads_the_xlsx()
    {
        var street = new WorkbenchStreet(app);
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM");
        var due = new { dueBy = DateTimeOffset.UtcNow.AddDays(7), note = (string?)null };
        foreach (var title in new[] { "明光小区地锁占道", "矿机二村老楼漏水" })
        {
            var issue = await street.Raise(title, "repairs");
            await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", due.dueBy, due.note });
            await street.Command(WorkbenchStreet.Hongse, issue, "acknowledge", new { note = (string?)null });
            await street.Command(WorkbenchStreet.Hongse, issue, "resolve", new { resolution = "已处理" });
            await street.Command(WorkbenchStreet.Reporter, issue, "confirm", new { satisfaction = "satisfied", comment = (string?)null });
        }
        var late = await street.Raise("来安花园墙面开裂", "repairs", "来安花园");
        await street.Command(WorkbenchStreet.Host, late, "assign", new { assignee = "anju-wuye", due.dueBy, due.note });
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var page = await street.SignIn(WorkbenchStreet.Auditor);
        await page.Locator("[data-test='menu-reports']").ClickAsync();
        var hongse = page.Locator("[data-test='report-row-hongse-wuye']");
        await Expect(hongse.Locator("[data-test='name']")).ToHaveTextAsync("红色物业");
        await Expect(page.Locator("[data-test='report-row-anju-wuye'] [data-test='name']")).ToHaveTextAsync("安居物业");
        await Expect(page.Locator("[data-test='report-table'] caption")).ToContainTextAsync(month);

        using var auditor = street.Api(WorkbenchStreet.Auditor);
        var report = await auditor.GetFromJsonAsync<JsonElement>($"/api/reports/assessment?from={month}&to={month}&groupBy=organisation");
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        rows.Keys.ShouldBe(["hongse-wuye", "anju-wuye"], ignoreOrder: true);
        await Expect(hongse.Locator("[data-test='score']")).ToHaveTextAsync(rows["hongse-wuye"].GetProperty("score").GetDouble().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(hongse.Locator("[data-test='rank']")).ToHaveTextAsync(rows["hongse-wuye"].GetProperty("rank").GetInt32().ToString());
        await Expect(hongse.Locator("[data-test='assigned']")).ToHaveTextAsync("2");
        await Expect(hongse.Locator("[data-test='satisfactionRate']")).ToHaveTextAsync("100%");

        var ranking = page.Locator("[data-test='ranking-chart']");
        await Expect(ranking).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("红色物业.*安居物业"));
        await Expect(page.Locator("[data-test='trend-chart']")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{month} 签收及时率 \\d"));
        (await Painted(ranking)).ShouldBeTrue("the ranking chart drew nothing");
        (await Painted(page.Locator("[data-test='trend-chart']"))).ShouldBeTrue("the trend chart drew nothing");
        await WorkbenchStreet.Screenshot(page, "auditor-reports-desktop");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test='download-xlsx']").ClickAsync());
        download.SuggestedFilename.ShouldBe($"assessment-{month}-{month}-organisation.xlsx");
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        var sheet = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).ToList();
        File.Delete(file);
        sheet.Count.ShouldBe(2, "one row per organisation");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(hongse).ToBeVisibleAsync();
        await WorkbenchStreet.ShouldFitWidth(page);
        await WorkbenchStreet.Screenshot(page, "auditor-reports-phone");
        street.ShouldHaveNoPolicyViolations();
    }

    [Fact]
    public async Task Only_hosts_admins_and_auditors_are_offered_the_reports()
    {
        var street = new WorkbenchStreet(app);
        var host = await street.SignIn(WorkbenchStreet.Host);
        await Expect(host.Locator("[data-test='menu-reports']")).ToBeVisibleAsync();
        foreach (var sub in new[] { WorkbenchStreet.Reporter, WorkbenchStreet.Hongse })
        {
            var page = await street.SignIn(sub, 390, 844);
            await Expect(page.Locator("[data-test='menu']")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test='menu-reports']")).ToHaveCountAsync(0);
            await page.GotoAsync(new Uri(app.BaseAddress, "/reports").ToString());
            await Expect(page.Locator("[data-test='report-filter']")).ToHaveCountAsync(0);
        }
    }

    /// <summary>Whether the chart's canvas holds any drawn pixel (a canvas that rendered nothing is all transparent).</summary>
    private static Task<bool> Painted(Microsoft.Playwright.ILocator chart) =>
        chart.Locator("canvas").First.EvaluateAsync<bool>("""
            c => { const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
                   for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }
            """);
}
