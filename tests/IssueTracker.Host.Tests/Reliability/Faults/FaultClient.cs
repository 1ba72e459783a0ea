using System.Net.Http.Headers;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Host.Tests.Reliability.Faults;

/// <summary>Keep-alive HTTP to a host process, with tokens for one street of its own.</summary>
public sealed class FaultClient : IDisposable
{
    public static readonly AuthOptions Auth = new()
    {
        SigningKey = AppFixture.SigningKey, Issuer = "issuetracker-faults", Audience = "issuetracker"
    };

    public FaultClient()
    {
        Address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}/");
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 })
        {
            BaseAddress = Address, Timeout = TimeSpan.FromSeconds(20)
        };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public string Street { get; } = "faults-" + Guid.NewGuid().ToString("N")[..12];

    public AuthenticationHeaderValue Host => Bearer(Roles.Host, "host-li", "李主任");
    public AuthenticationHeaderValue Assignee => Bearer(Roles.Assignee, "wy-zhang", "物业小张", Tests.Street.PropertyCompany);

    private AuthenticationHeaderValue Bearer(string role, string sub, string name, string? org = null) =>
        new("Bearer", DevTokens.Create(Auth, sub, name, role, Street, org, TimeSpan.FromHours(1)));

    public void Dispose() => Http.Dispose();
}
