using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Bench;

/// <summary>A running host the HTTP load can be aimed at: in this process or a process of its own.</summary>
public interface IHttpTarget
{
    string Token(string street, string role, string name, string? org = null);
    HttpClient Client(string token);

    static string Token(AuthOptions auth, string street, string role, string name, string? org) =>
        DevTokens.Create(auth, $"bench-{role}", name, role, street, org, TimeSpan.FromHours(2));

    static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false })
        {
            BaseAddress = address, Timeout = TimeSpan.FromSeconds(30)
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
