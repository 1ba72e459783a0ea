using IssueTracker.Domain.Issues;

namespace IssueTracker.Projections.Assessment;

/// <summary>What an assessment (考核) counts.</summary>
public enum AssessmentFact
{
    Assigned, AcknowledgedInTime, Resolved, ResolvedOnTime, Rated, Satisfied, Unsatisfied, Reopened, Overdue, Escalated,
    ExtensionApproved
}

/// <summary>One counted fact: which organisation it is held against and when it happened (months are cut at read time).</summary>
public sealed record DatedFact(AssessmentFact Fact, string Org, DateTimeOffset At);

/// <summary>
/// One issue as the assessment report counts it: its dated facts, each attributed to the organisation it is held against.
/// The issue remembers its current assignee, so events recorded before IssueResolved and ResolutionConfirmed carried
/// one are attributed exactly on replay. A duplicate's repeat complaint is counted by the report, which sees both issues.
/// </summary>
public sealed record AssessmentRecord
{
    public Guid Id { get; init; }
    public IssueCategory Category { get; init; }
    public string Community { get; init; } = "";
    public string? Assignee { get; init; }

    /// <summary>The organisation last assigned, kept after the issue ends: a repeat complaint is held against it.</summary>
    public string? LastAssignee { get; init; }

    public DateTimeOffset? AcknowledgeBy { get; init; }
    public bool AcknowledgementMissed { get; init; }
    public bool Acknowledged { get; init; }
    public bool ResolutionMissed { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public Guid? DuplicateOf { get; init; }
    public DateTimeOffset? MarkedDuplicateAt { get; init; }
    public IReadOnlyList<DatedFact> Facts { get; init; } = [];

    /// <summary>The span of the issue's counted moments, so a report reads only the issues it may count.</summary>
    public DateTimeOffset FirstAt { get; init; }
    public DateTimeOffset LastAt { get; init; }

    public AssessmentRecord With(AssessmentFact fact, string? org, DateTimeOffset at) =>
        org is null ? this : this with { Facts = [.. Facts, new DatedFact(fact, org, at)] };
}
