using IssueTracker.Host.Infrastructure;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>
/// The app on a real Kestrel port (a browser cannot reach Alba's in-memory server) and a headless Chromium. It runs
/// in a collection of its own; the assembly runs collections one after another, so only one async daemon works
/// the shared database at a time.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public AuthOptions Auth => Services.GetRequiredService<AuthOptions>();
    private IPlaywright _playwright = null!;

    /// <summary>The street of the one Open311 client configured here, for the journey of a report sent in through the facade.</summary>
    public string Open311Street { get; } = "wb-o311-" + Guid.NewGuid().ToString("N")[..8];

    public const string Open311Key = "workbench-open311-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppFixture.UseTestSettings(builder);
        builder.UseSetting("Open311:Clients:0:Name", "FixMyStreet");
        builder.UseSetting("Open311:Clients:0:Key", Open311Key);
        builder.UseSetting("Open311:Clients:0:Street", Open311Street);
        builder.UseSetting("Open311:Clients:0:Community", "明光社区");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (scripts/test.sh does).");
        JasperFxEnvironment.AutoStartHost = true;
        UseKestrel(0);
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await Services.WaitUntilThisHostRunsEveryShard(TimeSpan.FromSeconds(90));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        });
    }

    public string Token(string street, string role, string name, string? org = null) =>
        DevTokens.Create(Auth, $"{role}-{name}", name, role, street, org);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
