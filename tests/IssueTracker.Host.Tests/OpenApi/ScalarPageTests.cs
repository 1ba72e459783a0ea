using System.Net;
using System.Text.RegularExpressions;

namespace IssueTracker.Host.Tests.OpenApi;

[Collection(AppCollection.Name)]
public partial class ScalarPageTests(AppFixture app)
{
    [Fact]
    public async Task The_reference_page_loads_nothing_from_other_hosts()
    {
        var page = (await app.NewStreet().Anonymous.Get("/scalar/")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetString()!
            + (await app.NewStreet().Anonymous.Get("/scalar/page-init.js")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetString()!;
        page.ShouldContain("openapi/v1.json");
        ExternalReference().Matches(page).Select(m => m.Value).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reference_renders_the_operations_in_headless_Chromium()
    {
        if (Tools.Require("chromium") is not { } chromium) return;
        await using var server = new KestrelApp(app);
        var url = new Uri(server.BaseAddress, "/scalar/").ToString();
        string[] flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
            "--virtual-time-budget=15000", $"--user-data-dir={Directory.CreateTempSubdirectory("scalar-chromium").FullName}"];

        var (exit, dom) = await Tools.Run(chromium, [.. flags, "--dump-dom", url], Path.GetTempPath(), TimeSpan.FromMinutes(2));

        exit.ShouldBe(0, dom);
        dom.ShouldContain("IssueTracker API");
        dom.ShouldContain("Raise an issue");
        dom.ShouldContain("Acknowledge an assignment");
        dom.ShouldContain("Open Group - meetings");
        dom.ShouldContain("Open Group - audit");

        var screenshot = Path.Combine(Path.GetTempPath(), "issuetracker-scalar.png");
        File.Delete(screenshot);
        await Tools.Run(chromium, [.. flags, $"--screenshot={screenshot}", url], Path.GetTempPath(), TimeSpan.FromMinutes(2));
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["']https?://(?!localhost|127\.0\.0\.1)[^"']+""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
