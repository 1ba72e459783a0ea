using System.Net;
using System.Net.Http.Headers;
using IssueTracker.Host.Tests.Boards;
using IssueTracker.Host.Tests.Reliability.Faults;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IssueTracker.Host.Tests.SignIn;

/// <summary>
/// The workbench on a real port with no signing key of its own, trusting only a real OpenID provider (Auth:Authority)
/// whose tokens name the role, street and organisation in its own way (roles, tenant, organisation), and a headless
/// Chromium to sign in through the provider's pages. The host's port is chosen first: the provider must know the
/// app's redirect address, the app the provider's address.
/// </summary>
public sealed class ProviderSignInApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ClientId = "issuetracker-workbench";
    private readonly int _port = HostProcess.FreePort();
    private IPlaywright _playwright = null!;

    public string Street { get; } = "oidc-" + Guid.NewGuid().ToString("N")[..12];
    public ProviderAccount Host => new("kc-li-0001", "李主任", ["host"], Street, null);
    public ProviderAccount Zhang => new("kc-zhang-0002", "物业小张", ["assignee"], Street, "hongse-wuye");

    /// <summary>Whose access tokens live 45 s: inside the workbench's one-minute renewal window from the start.</summary>
    public ProviderAccount Wu => new("kc-wu-0003", "吴主任", ["host"], Street, null, AccessTokenSeconds: 45);
    public Uri BaseAddress => new($"http://127.0.0.1:{_port}");
    public OpenIdProvider Provider { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppFixture.UseTestSettings(builder);
        builder.UseSetting("Auth:SigningKey", "");
        builder.UseSetting("Auth:Issuer", "");
        builder.UseSetting("Auth:Authority", Provider.Issuer);
        builder.UseSetting("Auth:ClientId", ClientId);
        builder.UseSetting("Auth:Audience", OpenIdProvider.Audience);
        builder.UseSetting("Auth:Claims:Role", "roles");
        builder.UseSetting("Auth:Claims:Street", "tenant");
        builder.UseSetting("Auth:Claims:Org", "organisation");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserApp.Chromium))
            throw new InvalidOperationException($"{BrowserApp.Chromium} is missing: install Debian's chromium (scripts/test.sh does).");
        Provider = await OpenIdProvider.Start(ClientId, BaseAddress, [Host, Zhang, Wu]);
        JasperFxEnvironment.AutoStartHost = true;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.Chromium,
            Headless = true,
            // Nothing but 127.0.0.1 resolves: the provider's pages name a web font on the internet.
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
        });
    }

    /// <summary>A client of the API with a token the provider signed for this account.</summary>
    public async Task<HttpClient> Api(ProviderAccount account) => Api(await Provider.TokenFor(account));

    public HttpClient Api(string token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}
