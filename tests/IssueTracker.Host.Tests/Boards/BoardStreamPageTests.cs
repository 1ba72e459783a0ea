using IssueTracker.Host.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>The board opens its live stream with tickets, never with the token in a URL, and says when its token is refused.</summary>
[Collection(BrowserCollection.Name)]
public class BoardStreamPageTests(BrowserApp app)
{
    private readonly string _street = "browser-" + Guid.NewGuid().ToString("N")[..12];

    // Lets the test end the page's current stream the way the browser does once its ticket has expired.
    private const string RecordStreams = """
        (() => {
          const Native = window.EventSource;
          window.streams = [];
          window.EventSource = class extends Native { constructor(url) { super(url); window.streams.push(this); } };
        })();
        """;

    [Fact]
    public async Task The_stream_opens_with_a_ticket_and_a_fresh_one_after_the_old_one_fails()
    {
        var token = app.Token(_street, "viewer", "大屏");
        var page = await app.Browser.NewPageAsync();
        await page.AddInitScriptAsync(RecordStreams);
        var urls = new List<string>();
        page.Request += (_, request) => urls.Add(request.Url);

        await page.GotoAsync(new Uri(app.BaseAddress, $"/board#token={token}").ToString());
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 20_000 });
        await Expect(page.Locator("#live")).ToHaveTextAsync("实时");

        await page.EvaluateAsync("() => { const s = window.streams.at(-1); s.close(); s.dispatchEvent(new Event('error')); }");

        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "open", new() { Timeout = 10_000 });
        var streams = urls.Where(u => u.Contains("/api/boards/stream?")).Distinct().ToList();
        streams.Count.ShouldBe(2, string.Join("\n", urls));
        streams.ShouldAllBe(u => u.Contains("?ticket="));
        urls.Count(u => u.EndsWith("/api/boards/stream-ticket", StringComparison.Ordinal)).ShouldBe(2);
        urls.ShouldNotContain(u => u.Contains(token) || u.Contains("access_token"));
    }

    [Fact]
    public async Task An_expired_token_shows_a_message_instead_of_reconnecting_forever()
    {
        var expired = DevTokens.Create(app.Auth, "board-screen", "大屏", "viewer", _street, lifetime: TimeSpan.FromMinutes(5),
            now: DateTimeOffset.UtcNow.AddHours(-1));
        var page = await app.Browser.NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/board#token={expired}").ToString());

        await Expect(page.Locator("#problem")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("#problem")).ToContainTextAsync("访问令牌已过期或无效");
        await Expect(page.Locator("#live")).ToHaveTextAsync("已断开");
        await page.ClickAsync("#lang");
        await Expect(page.Locator("#problem")).ToContainTextAsync("has expired or is not valid");
    }
}
