using IssueTracker.Host.Tests.Boards;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class HostJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_host_runs_a_meeting_on_three_issues_and_opens_its_minutes()
    {
        var street = new WorkbenchStreet(app);
        var parkingLock = await street.Raise("明光小区地锁占道", "parking");
        var poultry = await street.Raise("群力新村散养家禽", "animals", "群力新村");
        var leak = await street.Raise("矿机二村老楼漏水", "repairs", "矿机二村");

        var page = await street.SignIn(WorkbenchStreet.Host);
        await Expect(page.Locator("[data-test='menu-inbox']")).ToBeVisibleAsync();
        await Expect(page.Locator("text=明光小区地锁占道")).ToBeVisibleAsync();
        await WorkbenchStreet.Screenshot(page, "host-inbox-desktop");

        await page.Locator("[data-test='menu-meetings']").ClickAsync();
        await page.Locator("input[data-test='meeting-title']").FillAsync("明光社区十二月议事会");
        await page.Locator("input[data-test='meeting-community']").FillAsync("明光社区");
        await page.Locator("input[data-test='meeting-at']").FillAsync("2026-12-10T19:00");
        await page.Locator("input[data-test='meeting-place']").FillAsync("社区党群服务中心");
        await page.Locator("[data-test='schedule']").ClickAsync();
        await Expect(page.Locator("h1[data-test='meeting-title']")).ToHaveTextAsync("明光社区十二月议事会");

        foreach (var title in new[] { "明光小区地锁占道", "群力新村散养家禽", "矿机二村老楼漏水" })
        {
            await page.Locator($"[data-test='add-{title}']").ClickAsync();
            await Expect(page.Locator($"[data-test='agenda-{title}']")).ToBeVisibleAsync();
        }

        foreach (var (name, role) in new[] { ("王阿姨", "居民"), ("刘书记", "党员"), ("张经理", "物业公司") })
        {
            await page.Locator("input[data-test='attendee-name']").FillAsync(name);
            await page.Locator("[data-test='attendee-role']").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
            await page.Locator("[data-test='add-attendee']").ClickAsync();
        }
        await page.Locator("[data-test='save-attendance']").ClickAsync();
        await Expect(page.Locator("[data-test='attendees'] li")).ToHaveCountAsync(3);

        await Decide(page, "明光小区地锁占道", "assign", "由红色物业拆除地锁", async form =>
        {
            await form.Locator("[data-test='organisation']").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "红色物业", Exact = true }).ClickAsync();
            await form.Locator("input[data-test='due-by']").FillAsync("2026-12-24T18:00");
        });
        await Decide(page, "群力新村散养家禽", "refer", "涉及治安，转交派出所", form =>
            form.Locator("input[data-test='referred-to']").FillAsync("大通路派出所"));
        await Decide(page, "矿机二村老楼漏水", "noAction", "已由维修基金处理", form =>
            form.Locator("input[data-test='reason']").FillAsync("已由维修基金立项，无需议事会处理"));

        await page.Locator("textarea[data-test='minutes']").FillAsync("三项议题均已形成决议。");
        await page.Locator("[data-test='conclude']").ClickAsync();
        await Expect(page.Locator("[data-test='conclude']")).ToHaveCountAsync(0);
        await WorkbenchStreet.Screenshot(page, "host-meeting-desktop");
        await page.Locator("[data-test='minutes-link']").ClickAsync();
        await Expect(page.Locator("[data-test='minutes-page'] h1")).ToContainTextAsync("会议纪要");
        await Expect(page.Locator("[data-test='minutes-item-明光小区地锁占道']")).ToContainTextAsync("红色物业");
        await Expect(page.Locator("[data-test='minutes-item-群力新村散养家禽']")).ToContainTextAsync("大通路派出所");
        await Expect(page.Locator("[data-test='minutes-item-矿机二村老楼漏水']")).ToContainTextAsync("不予处理");
        await Expect(page.Locator("[data-test='minutes-text']")).ToHaveTextAsync("三项议题均已形成决议。");
        await WorkbenchStreet.Screenshot(page, "host-minutes-desktop");

        const string host = WorkbenchStreet.Host;
        (await street.Story(parkingLock)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("issue_placed_on_agenda", host),
            ("issue_discussed", host), ("issue_assigned", host)]);
        (await street.Story(poultry)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("issue_placed_on_agenda", host),
            ("issue_discussed", host), ("issue_closed", host)]);
        (await street.Story(leak)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("issue_placed_on_agenda", host),
            ("issue_discussed", host), ("issue_closed", host)]);
        var assigned = (await street.Events(parkingLock)).Last().Data.ShouldBeOfType<Domain.Issues.IssueAssigned>();
        assigned.Assignee.ShouldBe("hongse-wuye");
        assigned.DueBy.ShouldNotBeNull();
        var referred = (await street.Events(poultry)).Last().Data.ShouldBeOfType<Domain.Issues.IssueClosed>();
        referred.ReferredTo.ShouldBe("大通路派出所");

        var meetingId = Guid.Parse(page.Url.Split('/')[^2]);
        (await street.Story(meetingId)).ShouldBe([("meeting_scheduled", host), ("agenda_item_added", host), ("agenda_item_added", host),
            ("agenda_item_added", host), ("attendance_recorded", host), ("decision_recorded", host), ("decision_recorded", host),
            ("decision_recorded", host), ("meeting_concluded", host)]);

        await page.SetViewportSizeAsync(390, 844);
        await page.Locator("[data-test='menu-inbox']").ClickAsync();
        await WorkbenchStreet.Screenshot(page, "host-inbox-phone");
        await WorkbenchStreet.ShouldFitWidth(page);
        street.ShouldHaveNoPolicyViolations();
    }

    private static async Task Decide(IPage page, string title, string outcome, string text, Func<ILocator, Task> fill)
    {
        var item = page.Locator($"[data-test='agenda-{title}']");
        await item.Locator("[data-test='decide']").ClickAsync();
        var form = item.Locator("[data-test='decision-form']");
        await form.Locator($"[data-test='outcome-{outcome}']").ClickAsync();
        await form.Locator("textarea[data-test='decision-text']").FillAsync(text);
        await fill(form);
        await form.Locator("[data-test='submit-decision']").ClickAsync();
        await Expect(item.Locator("[data-test='decided']")).ToBeVisibleAsync();
    }
}
