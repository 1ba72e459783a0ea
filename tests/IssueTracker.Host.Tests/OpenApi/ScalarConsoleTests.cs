using IssueTracker.Host.Tests.Boards;
using Marten;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.OpenApi;

/// <summary>Scalar works as a console: a developer pastes a token, opens "Test Request" on a raise and sends it as it is.</summary>
[Collection(BrowserCollection.Name)]
public class ScalarConsoleTests(BrowserApp app)
{
    [Fact]
    public async Task Test_Request_sends_a_raise_with_a_token_and_gets_201()
    {
        var street = "street-" + Guid.NewGuid().ToString("N")[..12];
        var token = app.Token(street, "reporter", "网格员小陈");
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1400, Height = 1000 } });

        await page.GotoAsync(new Uri(app.BaseAddress, "/scalar/#tag/issues/POST/api/issues").ToString());
        try
        {
            var raise = page.Locator("[id='v1/tag/issues/POST/api/issues']");
            await Expect(raise).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await raise.Locator(".show-api-client-button").First.ClickAsync();

            var send = page.GetByRole(AriaRole.Button, new() { Name = "Send" }).Last;
            await Expect(send).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.GetByPlaceholder("Token").First.FillAsync(token);
            var answer = await page.RunAndWaitForResponseAsync(() => send.ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.EndsWith("/api/issues", StringComparison.Ordinal), new() { Timeout = 60_000 });

            answer.Status.ShouldBe(201, await answer.TextAsync());
            (await answer.Request.HeaderValueAsync("authorization")).ShouldBe($"Bearer {token}");
            await Expect(page.Locator("a[href$='/Status/201']").Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "issuetracker-scalar-test-request.png") });
        }

        await using var session = app.Store.QuerySession(street);
        (await session.Query<Projections.IssueDetails.IssueDetails>().CountAsync()).ShouldBe(1);
    }
}
