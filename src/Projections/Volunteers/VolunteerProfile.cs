namespace IssueTracker.Projections.Volunteers;

/// <summary>
/// A volunteer's page (我的志愿): who they are, their teams, hours and points, and what earned and spent them.
/// Name and contact are private: the endpoint blanks them for whoever may not see them.
/// </summary>
public sealed record VolunteerProfile
{
    public Guid Id { get; init; }
    public string? Name { get; init; }
    public string? Contact { get; init; }
    public IReadOnlyList<string> Skills { get; init; } = [];
    public string Community { get; init; } = "";
    public string? Account { get; init; }
    public IReadOnlyList<string> Teams { get; init; } = [];
    public decimal Hours { get; init; }
    public int Points { get; init; }
    public IReadOnlyList<ServiceEntry> ServiceRecords { get; init; } = [];
    public IReadOnlyList<PointsEntry> PointsHistory { get; init; } = [];
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }

    public VolunteerProfile WithoutPrivateData() => this with { Name = null, Contact = null };
}

public sealed record ServiceEntry(Guid RecordId, string Activity, decimal Hours, DateOnly ServedOn, int Points, Guid? Source,
    string RecordedBy, DateTimeOffset RecordedAt, string? Correction);

/// <summary>One change of the balance: earned (positive) or spent (negative), and why.</summary>
public sealed record PointsEntry(int Points, string Reason, Guid? Source, DateTimeOffset At);
