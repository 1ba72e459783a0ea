using IssueTracker.Host.Tests.Boards;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class AuditorJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_auditor_reads_the_timeline_sees_an_earlier_state_verifies_and_downloads_the_csv()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("明光小区地锁占道", "parking");
        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = (DateTimeOffset?)null, note = "拆除地锁" });
        await street.Command(WorkbenchStreet.Hongse, issue, "acknowledge", new { note = (string?)null });
        await street.Raise("群力新村散养家禽", "animals", "群力新村");

        var page = await street.SignIn(WorkbenchStreet.Auditor);
        (await page.Locator("[data-test='menu-meetings'], [data-test='menu-raise'], [data-test='menu-queue']").CountAsync()).ShouldBe(0);
        await page.Locator("input[data-test='search']").FillAsync("地锁");
        await page.Locator("[data-test='search-button']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-link']")).ToHaveCountAsync(1);
        await page.Locator("[data-test='issue-link']").ClickAsync();

        var timeline = page.Locator("[data-test='timeline']");
        await Expect(timeline.Locator("[data-test='event-1']")).ToContainTextAsync("上报问题：明光小区地锁占道");
        await Expect(timeline.Locator("[data-test='event-2']")).ToContainTextAsync("派单给 红色物业");
        await Expect(timeline.Locator("[data-test='event-2']")).ToContainTextAsync("李主任 · 议事会主持人");
        await Expect(timeline.Locator("[data-test='event-3']")).ToContainTextAsync("红色物业 签收");
        await Expect(timeline.Locator("[data-test='event-3']")).ToContainTextAsync("责任单位 · 红色物业");
        await Expect(page.Locator("[data-test='actions']")).ToHaveCountAsync(0);

        await timeline.Locator("[data-test='pick-2']").ClickAsync();
        var then = page.Locator("[data-test='state-then']");
        await Expect(then.Locator("[data-test='status']")).ToHaveTextAsync("已派单");
        await Expect(then.Locator("[data-test='version']")).ToHaveTextAsync("2");

        await page.Locator("[data-test='verify']").ClickAsync();
        await Expect(page.Locator("[data-test='verdict']")).ToContainTextAsync("校验通过：共 3 个事件");
        await WorkbenchStreet.Screenshot(page, "auditor-issue-desktop");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test='csv']").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(file);
        var rows = await File.ReadAllLinesAsync(file);
        File.Delete(file);
        rows.Length.ShouldBe(4, string.Join('\n', rows));
        rows[1].ShouldContain("issue_raised");
        rows[3].ShouldContain("assignment_acknowledged");
        download.SuggestedFilename.ShouldEndWith(".csv");

        (await street.Story(issue)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("issue_assigned", WorkbenchStreet.Host),
            ("assignment_acknowledged", WorkbenchStreet.Hongse)]);

        await page.SetViewportSizeAsync(390, 844);
        await WorkbenchStreet.Screenshot(page, "auditor-issue-phone");
        await WorkbenchStreet.ShouldFitWidth(page);
        street.ShouldHaveNoPolicyViolations();
    }
}
