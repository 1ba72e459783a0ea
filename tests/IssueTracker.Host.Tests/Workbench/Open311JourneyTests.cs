using System.Xml.Linq;
using IssueTracker.Host.Tests.Boards;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

/// <summary>A report FixMyStreet sends in through the Open311 facade is worked in the workbench like any other.</summary>
[Collection(BrowserCollection.Name)]
public class Open311JourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_report_sent_through_open311_is_acknowledged_in_the_workbench_and_the_client_sees_the_update()
    {
        var street = new WorkbenchStreet(app, app.Open311Street);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var facade = new HttpClient { BaseAddress = app.BaseAddress };
        using var sent = await facade.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = BrowserApp.Open311Key, ["jurisdiction_id"] = street.Id, ["service_code"] = "parking",
            ["lat"] = "31.8612", ["long"] = "117.2830", ["description"] = "明光小区3栋楼下地锁占道\n消防通道被堵",
            ["first_name"] = "王", ["last_name"] = "女士", ["email"] = "wang@example.cn"
        }));
        var answer = XDocument.Parse(await sent.Content.ReadAsStringAsync());
        sent.IsSuccessStatusCode.ShouldBeTrue(answer.ToString());
        var id = Guid.Parse(answer.Root!.Element("request")!.Element("service_request_id")!.Value);
        await street.Command(WorkbenchStreet.Host, id, "assign",
            new { assignee = "hongse-wuye", dueBy = DateTimeOffset.UtcNow.AddDays(7), note = "请一周内拆除" });

        var page = await street.SignIn(WorkbenchStreet.Hongse);
        var card = page.Locator($"[data-test='queue-{id}']");
        await Expect(card).ToContainTextAsync("明光小区3栋楼下地锁占道");
        await card.Locator("[data-test='issue-link']").ClickAsync();
        await page.Locator("[data-test='action-acknowledge']").ClickAsync();
        await Expect(page.Locator("[data-test='issue-summary'] [data-test='status']")).ToHaveTextAsync("已签收");

        (await street.Story(id)).ShouldBe([("issue_raised", "open311:FixMyStreet"), ("issue_assigned", WorkbenchStreet.Host),
            ("assignment_acknowledged", WorkbenchStreet.Hongse)]);
        var updates = XDocument.Parse(await facade.GetStringAsync(
            $"/open311/v2/servicerequestupdates.xml?api_key={BrowserApp.Open311Key}&start_date={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:sszzz"))}" +
            $"&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:sszzz"))}"));
        updates.Root!.Elements("request_update").Select(u => u.Element("status")!.Value).ShouldBe(["action_scheduled", "in_progress"]);
    }
}
