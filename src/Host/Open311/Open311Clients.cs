using System.Security.Cryptography;
using System.Text;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Host.Open311;

/// <summary>A front end allowed to send reports (Open311:Clients:&lt;n&gt;:Name, :Key, :Street, :Community).</summary>
public sealed class Open311Client
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";

    /// <summary>The tenant the client writes to; its <c>jurisdiction_id</c>.</summary>
    public string Street { get; set; } = "";

    /// <summary>The 社区 its reports belong to when their address names none.</summary>
    public string? Community { get; set; }

    /// <summary>What the facade's events record as their author: the client, as a reporter.</summary>
    public Actor Actor => new($"open311:{Name}", Name, Roles.Reporter, null);
}

/// <summary>The configured clients; keys are compared in constant time.</summary>
public sealed class Open311Clients(IReadOnlyList<Open311Client> clients)
{
    public const string Section = "Open311:Clients";

    public static Open311Clients From(IConfiguration configuration) => new(
        configuration.GetSection(Section).GetChildren()
            .Select(c => c.Get<Open311Client>())
            .OfType<Open311Client>()
            .Where(c => c.Key.Length > 0 && c.Street.Length > 0)
            .ToList());

    public IReadOnlyList<Open311Client> All => clients;

    /// <summary>The client holding this key, or null. Every configured key is compared, each in constant time.</summary>
    public Open311Client? WithKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Open311Client? found = null;
        foreach (var client in clients)
        {
            if (CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(client.Key))))
                found = client;
        }
        return found;
    }

    public bool IsJurisdiction(string? street) => clients.Any(c => string.Equals(c.Street, street, StringComparison.Ordinal));
}
