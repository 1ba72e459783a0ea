using IssueTracker.Host.Tests.Attachments;
using IssueTracker.Host.Tests.Boards;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class AssigneeJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Hongse_on_a_phone_acknowledges_reports_progress_and_resolves_with_a_photo_and_a_double_click_appends_once()
    {
        var street = new WorkbenchStreet(app);
        var leak = await street.Raise("矿机二村老楼漏水", "repairs", "矿机二村");
        await street.Command(WorkbenchStreet.Host, leak, "assign",
            new { assignee = "hongse-wuye", dueBy = DateTimeOffset.UtcNow.AddDays(7), note = "尽快处理" });
        var other = await street.Raise("来安花园墙面开裂", "repairs", "来安花园");
        await street.Command(WorkbenchStreet.Host, other, "assign", new { assignee = "anju-wuye", dueBy = (DateTimeOffset?)null, note = (string?)null });

        var page = await street.SignIn(WorkbenchStreet.Hongse, 390, 844);
        await Expect(page.Locator("[data-test='menu-queue']")).ToBeVisibleAsync();
        (await page.Locator("[data-test='menu-meetings'], [data-test='menu-inbox'], [data-test='menu-audit']").CountAsync()).ShouldBe(0);
        var card = page.Locator($"[data-test='queue-{leak}']");
        await Expect(card).ToContainTextAsync("已派单");
        await Expect(page.Locator($"[data-test='queue-{other}']")).ToHaveCountAsync(0);
        await WorkbenchStreet.Screenshot(page, "assignee-queue-phone");

        await card.Locator("[data-test='issue-link']").ClickAsync();
        await Expect(page.Locator("[data-test='action-decline']")).ToBeVisibleAsync();
        await page.Locator("[data-test='action-acknowledge']").DblClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("已签收");

        await page.Locator("[data-test='action-progress']").ClickAsync();
        await page.Locator("textarea[data-test='note']").FillAsync("已联系施工队，明日进场");
        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("处理中");

        await page.Locator("[data-test='action-resolve']").ClickAsync();
        await page.Locator("textarea[data-test='resolution']").FillAsync("屋面防水已重做，经住户确认不再漏水");
        await page.Locator("input[data-test='photo-camera']").SetInputFilesAsync(new FilePayload
        {
            Name = "roof.png", MimeType = "image/png", Buffer = TestImages.Png(900, 600)
        });
        await page.Locator("[data-test='submit']").DblClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("已办结");
        await Expect(page.Locator("[data-test='actions']")).ToHaveCountAsync(0);
        await page.Locator("[data-test='photos-resolution'] button").ClickAsync();
        var full = page.Locator("[data-test='photo-full']");
        await Expect(full).ToHaveJSPropertyAsync("complete", true);
        (await full.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(900);
        await page.Keyboard.PressAsync("Escape");
        await Expect(full).ToHaveCountAsync(0);
        await WorkbenchStreet.Screenshot(page, "assignee-issue-phone");
        await WorkbenchStreet.ShouldFitWidth(page);

        (await street.Story(leak)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("issue_assigned", WorkbenchStreet.Host),
            ("assignment_acknowledged", WorkbenchStreet.Hongse), ("progress_reported", WorkbenchStreet.Hongse),
            ("photo_attached", WorkbenchStreet.Hongse), ("issue_resolved", WorkbenchStreet.Hongse)]);

        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("[data-test='menu-queue']").ClickAsync();
        await WorkbenchStreet.Screenshot(page, "assignee-queue-desktop");
        street.ShouldHaveNoPolicyViolations();
    }
}
