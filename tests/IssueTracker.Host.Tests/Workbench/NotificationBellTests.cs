using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Host.Tests.Boards;
using IssueTracker.Host.Tests.Notifications;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

[Collection(BrowserCollection.Name)]
public class NotificationBellTests(BrowserApp app)
{
    [Fact]
    public async Task Hongse_sees_its_new_assignment_under_the_bell_and_opening_it_marks_it_read()
    {
        var street = new WorkbenchStreet(app);
        var issue = await street.Raise("群力新村散养家禽", "animals", "群力新村");
        await street.Command(WorkbenchStreet.Host, issue, "assign", new { assignee = "hongse-wuye", dueBy = (DateTimeOffset?)null, note = (string?)null });
        using var hongse = street.Api(WorkbenchStreet.Hongse);
        await Eventually.Holds(async () => (await Inbox(hongse)).GetProperty("unread").GetInt64() == 1, "the in-app notification", 60);

        var page = await street.SignIn(WorkbenchStreet.Hongse, 390, 844);
        await Expect(page.Locator("[data-test='bell-unread']")).ToHaveTextAsync("1");
        await page.Locator("[data-test='bell']").ClickAsync();
        var notice = page.Locator("[data-test='notices'] li");
        await Expect(notice).ToHaveCountAsync(1);
        await Expect(notice).ToContainTextAsync("群力新村散养家禽");
        await Expect(notice).ToContainTextAsync("派单");
        await WorkbenchStreet.Screenshot(page, "assignee-notifications-phone");
        await WorkbenchStreet.ShouldFitWidth(page);

        await notice.Locator("[data-test='notice-link']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, $"/issues/{issue}").ToString());
        await Expect(page.Locator("[data-test='bell-unread']")).ToHaveCountAsync(0);
        var inbox = await Inbox(hongse);
        inbox.GetProperty("unread").GetInt64().ShouldBe(0);
        inbox.GetProperty("items")[0].GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await street.Story(issue)).Select(e => e.Type).ShouldBe(["issue_raised", "issue_assigned"], "reading a notification is not an issue event");
        street.ShouldHaveNoPolicyViolations();
    }

    [Fact]
    public async Task Reporters_and_auditors_have_no_bell()
    {
        var street = new WorkbenchStreet(app);
        foreach (var sub in new[] { WorkbenchStreet.Reporter, WorkbenchStreet.Auditor })
        {
            var page = await street.SignIn(sub);
            await Expect(page.Locator("[data-test='menu']")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-test='bell']")).ToHaveCountAsync(0);
        }
        await Expect((await street.SignIn(WorkbenchStreet.Host)).Locator("[data-test='bell']")).ToBeVisibleAsync();
    }

    private static Task<JsonElement> Inbox(HttpClient http) => http.GetFromJsonAsync<JsonElement>("/api/notifications");
}
