using System.Text.RegularExpressions;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Host.Infrastructure;

/// <summary>A token the service refuses although its signature holds; its message is the 401's detail.</summary>
public sealed class TokenRejectedException(string message) : Exception(message);

/// <summary>
/// The one identity a request carries: a validated token's claims, read once through the configured claim names and
/// rewritten under our own names (sub, name, role, street, org), each exactly once. Authorization, the rules, the
/// audit actor, the idempotency scope and the live stream all read this identity, so they cannot disagree.
/// </summary>
public static partial class TokenIdentity
{
    /// <summary>The closed list of roles a token may carry (volunteer and teamLeader for the volunteer teams).</summary>
    public static readonly IReadOnlySet<string> AcceptedRoles =
        new HashSet<string>([.. Roles.All, "viewer", "volunteer", "teamLeader"], StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    public static partial Regex CanonicalStreet();

    public static (ClaimsPrincipal? Identity, string? Rejection) Read(ClaimsPrincipal token, ClaimNames names)
    {
        var subjects = Values(token, Claims.Subject);
        if (subjects is not [var subject] || string.IsNullOrWhiteSpace(subject))
            return (null, "The token has no 'sub' claim (or several): every user needs an id of their own.");

        var roles = Values(token, names.Role);
        if (roles.Length == 0)
            return (null, $"The token has no '{names.Role}' claim: every user has a role.");
        if (roles.Length > 1)
            return (null, $"The token carries several roles ({string.Join(", ", roles)}): a user has exactly one.");
        if (!AcceptedRoles.Contains(roles[0]))
            return (null, $"The token's role '{roles[0]}' is not one of {string.Join(", ", AcceptedRoles)}.");

        var streets = Values(token, names.Street);
        if (streets is not [var street])
            return (null, $"The token has no '{names.Street}' claim (or several): every user belongs to one street.");
        if (!CanonicalStreet().IsMatch(street))
            return (null, $"The token's '{names.Street}' claim is not a street id (lower-case letters, digits and '-', as issued).");

        var orgs = Values(token, names.Org);
        if (orgs.Length > 1)
            return (null, $"The token carries several '{names.Org}' claims: a user works for one organisation.");

        var mapped = new HashSet<string>([Claims.Subject, Claims.Role, Claims.Street, Claims.Org, names.Role, names.Street, names.Org]);
        var claims = token.Claims.Where(c => !mapped.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
            .Append(new Claim(Claims.Subject, subject))
            .Append(new Claim(Claims.Role, roles[0]))
            .Append(new Claim(Claims.Street, street));
        if (orgs is [var org] && org.Length > 0) claims = claims.Append(new Claim(Claims.Org, org));
        var identity = new ClaimsIdentity(claims, token.Identity?.AuthenticationType ?? "Bearer", Claims.Name, Claims.Role);
        return (new ClaimsPrincipal(identity), null);
    }

    private static string[] Values(ClaimsPrincipal token, string type) =>
        token.Claims.Where(c => c.Type == type).Select(c => c.Value).ToArray();
}
