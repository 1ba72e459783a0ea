using IssueTracker.Domain.Organisations;
using IssueTracker.Projections.OrganisationDirectory;

namespace IssueTracker.Host.Organisations;

/// <summary>Reads of the caller's street's directory: an entry by slug, and the names shown beside organisation ids.</summary>
public static class OrganisationDirectory
{
    public static async Task<DirectoryEntry?> FindAsync(IQuerySession session, string? slug, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(slug)
            ? null
            : await session.LoadAsync<DirectoryEntry>(OrganisationIds.StreamId(session.TenantId, slug.Trim()), ct);

    /// <summary>Slug → name for every entry of the street (a directory is tens of entries, not thousands).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<DirectoryEntry>().ToListAsync(ct)).ToDictionary(e => e.Slug, e => e.Name, StringComparer.Ordinal);

    /// <summary>The name beside an id; null for an id with no entry (events may name ids from before the directory).</summary>
    public static string? NameOf(this IReadOnlyDictionary<string, string> names, string? slug) =>
        slug is not null && names.TryGetValue(slug, out var name) ? name : null;
}

/// <summary>The directory entry named by a command's assignee, looked up before the rules run.</summary>
public sealed record ListedAssignee(DirectoryEntry? Entry)
{
    public bool IsActive(string slug) => Entry is { Active: true } entry && entry.Slug == slug;

    public static async Task<ListedAssignee> LoadAsync(IQuerySession session, string? slug, CancellationToken ct) =>
        new(await OrganisationDirectory.FindAsync(session, slug, ct));
}
