using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Host.Tests.Reliability.Faults;

namespace IssueTracker.Host.Tests.SignIn;

/// <summary>An account of the provider: its login, the claims it issues under the provider's own names, and how long its access tokens live.</summary>
public sealed record ProviderAccount(string Login, string Name, string[] Roles, string? Tenant, string? Organisation,
    int AccessTokenSeconds = 3600);

/// <summary>
/// A real OpenID provider (the npm package oidc-provider, in tests/oidc-provider) run by Node on 127.0.0.1 for one
/// fixture: its discovery document, keys, login and consent pages, and code + PKCE token endpoint. It stops when
/// disposed, when the test process ends (its standard input closes) or after ten minutes.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string Audience = "urn:issuetracker:api";
    private static readonly string Project = Path.Combine(FaultCluster.Repository, "tests", "oidc-provider");

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private OpenIdProvider(Process process) => _process = process;

    public string Issuer { get; private set; } = "";
    public string ClientId { get; private set; } = "";

    public static async Task<OpenIdProvider> Start(string clientId, Uri app, IEnumerable<ProviderAccount> accounts)
    {
        if (!File.Exists(Path.Combine(Project, "node_modules", "oidc-provider", "package.json")))
            throw new InvalidOperationException($"{Project} is not installed: scripts/test.sh runs npm ci there.");
        var settings = JsonSerializer.Serialize(new
        {
            clientId,
            redirectUri = new Uri(app, "/signin/callback").ToString(),
            postLogoutRedirectUri = new Uri(app, "/signin").ToString(),
            audience = Audience,
            lifetimeSeconds = 600,
            accounts = accounts.ToDictionary(a => a.Login, a => new
            {
                name = a.Name, roles = a.Roles, tenant = a.Tenant, organisation = a.Organisation, accessTokenSeconds = a.AccessTokenSeconds
            })
        });
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Project, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true
        };
        start.ArgumentList.Add("server.mjs");
        start.ArgumentList.Add(settings);

        var provider = new OpenIdProvider(Process.Start(start)!) { ClientId = clientId };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => provider.Stop();
        provider._process.ErrorDataReceived += (_, line) => { if (line.Data is not null) provider._errors.Enqueue(line.Data); };
        provider._process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var first = await provider._process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The provider exited: " + string.Join('\n', provider._errors));
            provider.Issuer = JsonDocument.Parse(first).RootElement.GetProperty("issuer").GetString()!;
            return provider;
        }
        catch
        {
            provider.Stop();
            throw;
        }
    }

    /// <summary>A token signed with the provider's own key, with exactly these claims (for tokens it would not issue).</summary>
    public async Task<string> Sign(IReadOnlyDictionary<string, object?> claims)
    {
        var response = await _http.PostAsJsonAsync(Issuer + "/test/sign", claims);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A valid access token for an account, as the provider's token endpoint would issue it.</summary>
    public Task<string> TokenFor(ProviderAccount account)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = Issuer, ["aud"] = Audience, ["sub"] = account.Login, ["client_id"] = ClientId, ["iat"] = now, ["exp"] = now + 3600,
            ["name"] = account.Name, ["roles"] = account.Roles, ["tenant"] = account.Tenant, ["organisation"] = account.Organisation
        };
        return Sign(claims.Where(c => c.Value is not null).ToDictionary());
    }

    private void Stop()
    {
        try
        {
            if (_process.HasExited) return;
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5_000)) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
