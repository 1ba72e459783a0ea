using System.Security.Cryptography;
using System.Text;
using IssueTracker.Domain.Organisations;
using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.Volunteers;

namespace IssueTracker.Host.Volunteers;

/// <summary>Role sets of the volunteer service for [Authorize(Roles = ...)]; the decide functions refine them.</summary>
public static class VolunteerWho
{
    public const string Staff = Who.Hosts;
    public const string Registrars = "host,admin,volunteer";
    public const string Leaders = "host,admin,teamLeader";
    public const string Members = "host,admin,volunteer,teamLeader";
}

public static class VolunteerAccess
{
    public static string Street(this ClaimsPrincipal user) => user.FindFirstValue(Claims.Street)!;

    /// <summary>Name and contact: hosts, admins, auditors, the volunteer themself and the leaders of their teams.</summary>
    public static bool SeesPrivateDataOf(this ClaimsPrincipal user, VolunteerProfile volunteer)
    {
        if (user.SeesPrivateData()) return true;
        var actor = user.ToActor();
        return (volunteer.Account is not null && actor.Id == volunteer.Account) || volunteer.Teams.Any(actor.LeadsTeam);
    }
}

/// <summary>
/// A self-registered volunteer's stream id follows from the street and their account (a UUIDv5), so registering twice
/// is a stream that already exists, and "my" volunteer record is found without a lookup.
/// </summary>
public static class VolunteerIds
{
    private static readonly Guid Namespace = Guid.Parse("6f1c2b0e-5d3a-4e7b-9a21-0c8d4e5f6a7b");

    public static Guid ForAccount(string street, string account)
    {
        var name = Encoding.UTF8.GetBytes($"{street}\nvolunteer\n{account}");
        var hash = SHA1.HashData([.. Namespace.ToByteArray(bigEndian: true), .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

/// <summary>The one place that says whether a volunteer team exists: an active entry of kind volunteerTeam in the caller's street's directory.</summary>
public static class VolunteerTeams
{
    public static async Task<bool> ExistsAsync(IQuerySession session, string? teamId, CancellationToken ct) =>
        TeamIds.IsWellFormed(teamId)
        && await OrganisationDirectory.FindAsync(session, teamId, ct) is { Kind: OrganisationKind.VolunteerTeam, Active: true };
}
