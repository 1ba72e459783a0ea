using System.ComponentModel.DataAnnotations;
namespace IssueTracker.Domain.Issues;

public enum IssueStatus
{
    Raised, OnAgenda, Discussed, Assigned, Acknowledged, InProgress, Resolved, Confirmed, Reopened, Declined,
    Closed, Withdrawn, Duplicate
}

public enum IssueCategory { Parking, Repairs, Sanitation, Animals, Noise, Safety, Property, Greening, Other }

public enum Urgency { Normal, Urgent }

public enum Satisfaction { Satisfied, BasicallySatisfied, Unsatisfied }

/// <summary>Why an issue was closed: by a host, or by a meeting deciding no action / referring it elsewhere.</summary>
public enum CloseOutcome { Closed, NoAction, Referred }

public enum DeadlineKind { Acknowledgement, Resolution, EscalationGrace }

/// <summary>Who supervises (督办) an escalated issue: the street's leadership first, the district's after that.</summary>
public enum EscalationLevel { StreetLeadership, DistrictLeadership }

public enum EscalationReason { SecondMissedDeadline, LongOverdue, RepeatedlyReopened }

/// <param name="Lat">WGS-84 latitude in degrees (optional, given together with <paramref name="Lng"/>).</param>
/// <param name="Lng">WGS-84 longitude in degrees.</param>
public sealed record Location([property: Required] string Community, string? Compound, string? Building, int? Grid, double? Lat = null, double? Lng = null)
{
    public Location WithoutCoordinates() => this with { Lat = null, Lng = null };
}

/// <summary>The resident who brought the issue. Private: only hosts and auditors may see it.</summary>
public sealed record Reporter(string? Name, string? Contact);

public static partial class IssueStatuses
{
    public static readonly IssueStatus[] Terminal = [IssueStatus.Closed, IssueStatus.Withdrawn, IssueStatus.Duplicate];

    public static bool IsTerminal(this IssueStatus status) => Terminal.Contains(status);

    public static string ToWire(this IssueStatus status) => JsonName(status.ToString());

    public static string JsonName(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
