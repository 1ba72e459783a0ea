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
public sealed record OrganisationProfile(string Name, OrganisationKind Kind, Contact Contact, bool Active);

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
