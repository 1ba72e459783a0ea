using System.Net.Http.Headers;
using System.Net.Http.Json;
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

    /// <param name="street">Another client's street, for a second host serving the same street.</param>
    /// <param name="timeout">For a request, 20 s unless given.</param>
    public FaultClient(string? street = null, TimeSpan? timeout = null)
    {
        Street = street ?? "faults-" + Guid.NewGuid().ToString("N")[..12];
        Address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}/");
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 })
        {
            BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(20)
        };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public string Street { get; }

    public AuthenticationHeaderValue Host => Bearer(Roles.Host, "host-li", "李主任");
    public AuthenticationHeaderValue Assignee => Bearer(Roles.Assignee, "wy-zhang", "物业小张", Tests.Street.PropertyCompany);

    /// <summary>The directory entry the burst assigns to (assigning needs a listed organisation), with its notify channels.</summary>
    public async Task ListPropertyCompany(object? notify = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisations")
        {
            Content = JsonContent.Create(new { id = Tests.Street.PropertyCompany, name = "红色物业", kind = "propertyCompany", notify }),
            Headers = { Authorization = Host }
        };
        using var response = await Http.SendAsync(request);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private AuthenticationHeaderValue Bearer(string role, string sub, string name, string? org = null) =>
        new("Bearer", DevTokens.Create(Auth, sub, name, role, Street, org, TimeSpan.FromHours(1)));

    public void Dispose() => Http.Dispose();
}
