using System.Net.Http.Headers;
using System.Net.Http.Json;
using IssueTracker.Host.SignIn;
using IssueTracker.Host.Tests.Boards;
using JasperFx.Events;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IssueTracker.Host.Tests.Workbench;

/// <summary>
/// One street of the workbench for one test: people sign in through the app's own sign-in page, set-up steps that
/// are not the journey under test go through the API as the demo street's people would, and the test reads the
/// streams back to check what the clicks appended.
/// </summary>
public sealed class WorkbenchStreet(BrowserApp app, string? id = null)
{
    public const string Host = "dev-host-li", Reporter = "dev-reporter-wang", Hongse = "dev-hongse-zhang",
        Police = "dev-datonglu-chen", Auditor = "dev-auditor-zhao", Viewer = "dev-viewer-board";

    public string Id { get; } = id ?? "wb-" + Guid.NewGuid().ToString("N")[..12];
    public static readonly string DocsDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/workbench"));

    public async Task<IPage> SignIn(string sub, int width = 1280, int height = 900)
    {
        await ListDirectory();
        // A command's first request on a fresh host waits for its generated code: longer than Playwright's 5 s default.
        SetDefaultExpectTimeout(30_000);
        var page = await app.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", AcceptDownloads = true
        });
        await WatchPolicy(page);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/signin?street={Id}").ToString());
        await page.Locator($"[data-test='person-{sub}']").ClickAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-test='who']")).ToContainTextAsync(DevPeople.Find(sub)!.Name.Split('（')[0]);
        return page;
    }

    private readonly List<string> _violations = [];

    /// <summary>
    /// Collects what the host's Content-Security-Policy refused on this page: Chromium's console report and the
    /// document's securitypolicyviolation events (an init script runs outside the page's policy).
    /// </summary>
    private async Task WatchPolicy(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (_violations) _violations.Add(message.Text);
        };
        await page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation",
              (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
            """);
    }

    public void ShouldHaveNoPolicyViolations()
    {
        lock (_violations) _violations.ShouldBeEmpty(string.Join("\n", _violations));
    }

    public IReadOnlyList<string> PolicyViolations
    {
        get { lock (_violations) return [.. _violations]; }
    }

    /// <summary>The organisations the demo people work for, listed in this street's directory as its hosts would have.</summary>
    public Task ListDirectory() => _directory ??= ListDirectoryOnce();

    private Task? _directory;

    private async Task ListDirectoryOnce()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            IssueTracker.Host.Infrastructure.DevTokens.Create(app.Auth, "admin-1", "管理员", "admin", Id, null));
        foreach (var (id, name, kind) in new[] { ("hongse-wuye", "红色物业", "propertyCompany"), ("anju-wuye", "安居物业", "propertyCompany"), ("datonglu-pcs", "大通路派出所", "police") })
            (await http.PostAsJsonAsync("/api/organisations", new { id, name, kind })).EnsureSuccessStatusCode();
    }

    public HttpClient Api(string sub)
    {
        var person = DevPeople.Find(sub)!;
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = IssueTracker.Host.Infrastructure.DevTokens.Create(app.Auth, person.Sub, person.Name, person.Role, Id, person.Org);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<Guid> Raise(string title, string category = "other", string compound = "明光小区", string by = Reporter)
    {
        await ListDirectory();
        using var http = Api(by);
        var response = await http.PostAsJsonAsync("/api/issues", new
        {
            title, description = title, category, location = new { community = "明光社区", compound, grid = 3 }, urgency = "normal"
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Accepted>())!.Id;
    }

    public async Task Command(string sub, Guid issue, string command, object body)
    {
        await ListDirectory();
        using var http = Api(sub);
        var response = await http.PostAsJsonAsync($"/api/issues/{issue}/{command}", body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    public async Task<IReadOnlyList<IEvent>> Events(Guid stream)
    {
        await using var session = app.Store.LightweightSession(Id);
        return await session.Events.FetchStreamAsync(stream);
    }

    /// <summary>The event types and their authors' ids, as the stream holds them.</summary>
    public async Task<(string Type, string? Actor)[]> Story(Guid stream) =>
        (await Events(stream)).Select(e => (e.EventTypeName, (e.Data as Domain.Shared.IAuthoredEvent)?.By.Id)).ToArray();

    /// <summary>Into docs/workbench when WORKBENCH_SCREENSHOTS=1 (how the README's pictures are made), else a temp dir.</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("WORKBENCH_SCREENSHOTS") == "1" ? DocsDir : Path.Combine(Path.GetTempPath(), "workbench");
        Directory.CreateDirectory(dir);
        // A picture of the screen at rest: no transition half-way, no text left selected by a double-click.
        try { await page.WaitForFunctionAsync("() => document.getAnimations().length === 0", null, new() { Timeout = 5_000 }); }
        catch (TimeoutException) { }
        await page.EvaluateAsync("() => window.getSelection()?.removeAllRanges()");
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// The page fits <paramref name="width"/> without sideways scrolling once its layout has settled: a chart redraws
    /// for a new viewport in a ResizeObserver callback, a frame or two after the resize.
    /// </summary>
    public static async Task ShouldFitWidth(IPage page, int width = 390)
    {
        const string fits = "width => document.documentElement.scrollWidth <= width";
        try { await page.WaitForFunctionAsync(fits, width, new() { Timeout = 5_000 }); }
        catch (TimeoutException) { }
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
    }

    private sealed record Accepted(Guid Id, int Version);
}
