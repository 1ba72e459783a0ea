using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Demo;
using Marten.Events;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Boards;

[Collection(BrowserCollection.Name)]
public class BoardPageTests(BrowserApp app)
{
    private readonly string _street = "browser-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task The_board_shows_the_seeded_street_and_follows_a_new_command_without_a_reload()
    {
        await DemoSeeder.SeedAsync(app.Store, _street, DateTimeOffset.UtcNow);
        await app.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };

        await page.GotoAsync(new Uri(app.BaseAddress, $"/board#token={app.Token(_street, "viewer", "大屏")}").ToString());
        var mingguang = page.Locator("#status tr[data-key='明光社区']");
        // The first load waits for the host's first-request code generation.
        await Expect(mingguang.Locator("td[data-status='total']")).ToHaveTextAsync("9", new() { Timeout = 20_000 });
        await Expect(page.Locator(".tile.total strong")).ToHaveTextAsync("26");
        await Expect(mingguang.Locator("td[data-status='raised']")).ToHaveTextAsync("2");
        await Expect(page.Locator("#overdue li")).ToHaveCountAsync(8);
        await Expect(page.Locator("#overdue li.escalated .badge.escalation")).ToHaveCountAsync(4);
        await Expect(page.Locator("#performance tr[data-org='hongse-wuye'] th")).ToHaveTextAsync("红色物业");
        await Expect(page.Locator("#performance tr[data-org='hongse-wuye'] td[data-rate]")).ToHaveTextAsync("50%");
        await Expect(page.Locator("#performance tr[data-org='chengguan'] td[data-rate]")).ToHaveTextAsync("0%");
        await Expect(page.Locator("h1")).ToHaveTextAsync("议事事项状态板");
        await page.EvaluateAsync("() => window.loadedOnce = true");

        var title = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        await Raise(title);

        await Expect(mingguang.Locator("td[data-status='total']")).ToHaveTextAsync("10", new() { Timeout = 5000 });
        await Expect(mingguang.Locator("td[data-status='raised']")).ToHaveTextAsync("3");
        await Expect(page.Locator("#activity li .title").First).ToHaveTextAsync(title);
        (await page.EvaluateAsync<bool>("() => window.loadedOnce === true")).ShouldBeTrue("the page reloaded");
        (await page.Locator("#activity script, #activity img").CountAsync()).ShouldBe(0);
        dialogs.ShouldBeEmpty();
        await page.ScreenshotAsync(new() { Path = "/tmp/board.png", FullPage = true });

        await page.ClickAsync("#lang");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Issue status board");
        await Expect(page.Locator("#performance").Locator("xpath=..").Locator("xpath=..").Locator("h2")).ToHaveTextAsync("Assignee performance");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = "/tmp/board-phone.png", FullPage = true });
        await Workbench.WorkbenchStreet.ShouldFitWidth(page);
    }

    private async Task Raise(string title)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Token(_street, Roles.Reporter, "网格员小陈"));
        var response = await http.PostAsJsonAsync("/api/issues", new
        {
            title, category = "noise", location = new { community = "明光社区", compound = "明光小区", grid = 4 }
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
