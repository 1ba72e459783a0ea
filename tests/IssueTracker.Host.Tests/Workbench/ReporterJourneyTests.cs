using System.Net.Http.Json;
using IssueTracker.Host.Tests.Attachments;
using IssueTracker.Host.Tests.Boards;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class ReporterJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_grid_worker_raises_from_a_phone_with_a_photo_and_an_unsatisfied_confirmation_reopens_the_issue()
    {
        var street = new WorkbenchStreet(app);
        var someoneElses = await street.Raise("明光小区路灯不亮", by: WorkbenchStreet.Host);
        var page = await street.SignIn(WorkbenchStreet.Reporter, 390, 844);
        (await page.Locator("[data-test='menu-meetings'], [data-test='menu-queue'], [data-test='menu-audit']").CountAsync()).ShouldBe(0);
        await page.Locator("[data-test='menu-raise']").ClickAsync();
        await page.Locator("input[data-test='title']").FillAsync("东来家园地下室渗水");
        await page.Locator("[data-test='category-repairs']").ClickAsync();
        await page.Locator("input[data-test='community']").FillAsync("滨河社区");
        await page.Locator("input[data-test='compound']").FillAsync("东来家园");
        await page.Locator("input[data-test='building']").FillAsync("12栋");
        await page.Locator("input[data-test='grid']").FillAsync("30");
        await page.Locator("textarea[data-test='description']").FillAsync("雨后地下室积水，电梯井进水");
        await page.Locator("input[data-test='photo-files']").SetInputFilesAsync(new FilePayload
        {
            Name = "basement.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 800)
        });
        await Expect(page.Locator("[data-test='photo-preview']")).ToHaveCountAsync(1);
        await WorkbenchStreet.Screenshot(page, "reporter-raise-phone");
        await page.Locator("[data-test='submit']").DblClickAsync();
        await Expect(page.Locator("[data-test='issue-title']")).ToHaveTextAsync("东来家园地下室渗水");
        var issue = Guid.Parse(page.Url.Split('/')[^1]);
        var thumbnail = page.Locator("[data-test='photos-report'] img");
        await Expect(thumbnail).ToHaveCountAsync(1);
        await Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        (await thumbnail.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeInRange(1, 320, "the thumbnail, not the 1200 px photo");
        (await street.Story(issue)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("photo_attached", WorkbenchStreet.Reporter)]);
        using (var host = street.Api(WorkbenchStreet.Host))
            (await host.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/issues")).GetProperty("total").GetInt32().ShouldBe(2, "a double-click raised twice");

        await page.Locator("[data-test='menu-mine']").ClickAsync();
        await Expect(page.Locator($"[data-test='issue-{issue}']")).ToContainTextAsync("新上报");
        await Expect(page.Locator($"[data-test='issue-{someoneElses}']")).ToHaveCountAsync(0);

        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = (DateTimeOffset?)null, note = (string?)null });
        await street.Command(WorkbenchStreet.Hongse, issue, "acknowledge", new { note = (string?)null });
        await street.Command(WorkbenchStreet.Hongse, issue, "resolve", new { resolution = "已抽水并封堵裂缝" });

        await page.Locator("[data-test='menu-toConfirm']").ClickAsync();
        await page.Locator($"[data-test='issue-{issue}'] [data-test='issue-link']").ClickAsync();
        await page.Locator("[data-test='action-confirm']").ClickAsync();
        await page.Locator("[data-test='satisfaction-unsatisfied']").ClickAsync();
        await page.Locator("textarea[data-test='comment']").FillAsync("下雨后仍然渗水");
        await page.Locator("[data-test='submit']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("重新打开");
        await WorkbenchStreet.Screenshot(page, "reporter-issue-phone");
        await WorkbenchStreet.ShouldFitWidth(page);

        (await street.Story(issue)).ShouldBe([("issue_raised", WorkbenchStreet.Reporter), ("photo_attached", WorkbenchStreet.Reporter),
            ("issue_assigned", WorkbenchStreet.Host), ("assignment_acknowledged", WorkbenchStreet.Hongse), ("issue_resolved", WorkbenchStreet.Hongse),
            ("resolution_confirmed", WorkbenchStreet.Reporter), ("issue_reopened", WorkbenchStreet.Reporter)]);
        (await street.Events(issue))[5].Data.ShouldBeOfType<Domain.Issues.ResolutionConfirmed>().Satisfaction
            .ShouldBe(Domain.Issues.Satisfaction.Unsatisfied);

        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("[data-test='menu-raise']").ClickAsync();
        await WorkbenchStreet.Screenshot(page, "reporter-raise-desktop");
        street.ShouldHaveNoPolicyViolations();
    }
}
