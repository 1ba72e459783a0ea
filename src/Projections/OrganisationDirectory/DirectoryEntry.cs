using IssueTracker.Domain.Organisations;

namespace IssueTracker.Projections.OrganisationDirectory;

/// <summary>One organisation of the street's directory (责任单位名录), kept inline with its stream.</summary>
public sealed record DirectoryEntry
{
    /// <summary>The stream id (<see cref="OrganisationIds.StreamId"/> of street and slug).</summary>
    public Guid Id { get; init; }

    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public OrganisationKind Kind { get; init; }
    public Contact Contact { get; init; } = new(null, null, null);
    public bool Active { get; init; }
    public Notify? Notify { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
