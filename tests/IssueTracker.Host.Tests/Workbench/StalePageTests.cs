using IssueTracker.Host.Tests.Boards;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class StalePageTests(BrowserApp app)
{
    [Fact]
    public async Task A_page_left_open_while_someone_else_moved_the_issue_says_so_and_shows_the_fresh_state()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("明光小区地锁占道", "parking");
        var page = await street.SignIn(WorkbenchStreet.Host);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/issues/{issue}").ToString());
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("新上报");

        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = (DateTimeOffset?)null, note = (string?)null });

        await page.Locator("[data-test='action-close']").ClickAsync();
        await page.Locator("textarea[data-test='reason']").FillAsync("居民已自行协商解决");
        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='problem']")).ToContainTextAsync("该事项已被他人更新");
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("已派单");
        await Expect(page.Locator("[data-test='assignee']")).ToHaveTextAsync("红色物业");

        (await street.Story(issue)).Select(e => e.Type).ShouldBe(["issue_raised", "issue_assigned"]);
    }

    [Fact]
    public async Task Field_errors_appear_beside_their_fields_and_nothing_is_appended()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("明光小区地锁占道", "parking");
        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = (DateTimeOffset?)null, note = (string?)null });
        var page = await street.SignIn(WorkbenchStreet.Hongse, 390, 844);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/issues/{issue}").ToString());
        await page.Locator("[data-test='action-decline']").ClickAsync();
        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='action-form'] .el-form-item__error")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-test='problem']")).ToContainTextAsync("请检查填写的内容");
        (await street.Story(issue)).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Actions_a_role_may_not_take_are_not_offered()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("群力新村散养家禽", "animals", "群力新村");
        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = (DateTimeOffset?)null, note = (string?)null });
        var url = new Uri(app.BaseAddress, $"/issues/{issue}").ToString();

        var police = await street.SignIn(WorkbenchStreet.Police, 390, 844);
        await police.GotoAsync(url);
        await Expect(police.Locator("[data-test='issue-title']")).ToHaveTextAsync("群力新村散养家禽");
        await Expect(police.Locator("[data-test='actions']")).ToHaveCountAsync(0);

        var hongse = await street.SignIn(WorkbenchStreet.Hongse, 390, 844);
        await hongse.GotoAsync(url);
        await Expect(hongse.Locator("[data-test='action-acknowledge']")).ToBeVisibleAsync();
        (await hongse.Locator("[data-test='action-assign'], [data-test='action-close'], [data-test='action-confirm']").CountAsync()).ShouldBe(0);

        var host = await street.SignIn(WorkbenchStreet.Host);
        await host.GotoAsync(url);
        await Expect(host.Locator("[data-test='action-assign']")).ToBeVisibleAsync();
        (await host.Locator("[data-test='action-acknowledge'], [data-test='action-resolve']").CountAsync()).ShouldBe(0);

        var viewer = await street.SignIn(WorkbenchStreet.Viewer);
        await viewer.GotoAsync(new Uri(app.BaseAddress, "/meetings").ToString());
        await Expect(viewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/issues$"));
        (await viewer.Locator("[data-test='menu-meetings'], [data-test='menu-inbox'], [data-test='menu-raise']").CountAsync()).ShouldBe(0);
    }
}
