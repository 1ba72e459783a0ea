using System.Security.Cryptography;
using System.Text;

namespace IssueTracker.Domain.Organisations;

public enum OrganisationKind { PropertyCompany, Department, Police, VolunteerTeam, OwnersCommittee, Other }

/// <summary>Who to call at the organisation. Private: only hosts, admins and auditors see it.</summary>
public sealed record Contact(string? Person, string? Phone, string? Email);

/// <summary>
/// A directory entry as hosts maintain it: every event carries the whole profile (PUT replaces it), so a new field
/// (e.g. how to notify the organisation) is one optional member here and in the commands.
/// </summary>
public sealed record OrganisationProfile(string Name, OrganisationKind Kind, Contact Contact, bool Active, Notify? Notify = null);

/// <summary>
/// Where the organisation hears of its work: <c>email</c> is where notifications go (<c>contact.email</c> stays the
/// person's own address), a Standard Webhooks endpoint with its <c>whsec_</c> secret, a WeCom group robot. Seen and set
/// by hosts and admins only.
/// </summary>
public sealed record Notify(string? Email, string? WebhookUrl, string? WebhookSecret, string? WecomRobotUrl)
{
    /// <summary>Standard Webhooks: "whsec_" and the base64 of a 24..64-byte key.</summary>
    public static bool IsWebhookSecret(string? value)
    {
        if (value is not { Length: > 6 } || !value.StartsWith("whsec_", StringComparison.Ordinal)) return false;
        var key = new byte[value.Length];
        return Convert.TryFromBase64String(value[6..], key, out var length) && length is >= 24 and <= 64;
    }

    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

public static class OrganisationIds
{
    // A fixed namespace for this service's organisation streams (RFC 9562 name-based ids).
    private static readonly Guid Namespace = Guid.Parse("5b0f6c1e-3f4a-4c7e-9d2b-8a1e6f0c2d47");

    /// <summary>The organisation's stream id: a UUIDv5 of its street and slug, so the slug alone finds it.</summary>
    public static Guid StreamId(string street, string slug)
    {
        var name = Encoding.UTF8.GetBytes(street + "/" + slug);
        var ns = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. ns, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static bool IsSlug(string? value) =>
        value is { Length: >= 2 and <= 63 } && IsSlugStart(value[0]) && value.All(c => IsSlugStart(c) || c == '-');

    private static bool IsSlugStart(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
