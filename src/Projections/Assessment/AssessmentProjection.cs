using IssueTracker.Domain.Issues;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Assessment;

public sealed partial class AssessmentProjection : SingleStreamProjection<AssessmentRecord, Guid>
{
    public AssessmentProjection() => Name = "Assessment";

    public override AssessmentRecord? Evolve(AssessmentRecord? record, Guid id, IEvent e)
    {
        var next = Apply(record, id, e.Data);
        if (next is null || e.Data is not Domain.Shared.IAuthoredEvent happened) return next;
        var at = happened.At.ToUniversalTime();
        return next with { FirstAt = record is null ? at : next.FirstAt, LastAt = at > next.LastAt ? at : next.LastAt };
    }

    public static AssessmentRecord? Apply(AssessmentRecord? record, Guid id, object @event) => (record, @event) switch
    {
        (null, IssueRaised e) => new AssessmentRecord { Id = id, Category = e.Category, Community = e.Location.Community },
        (null, _) => null,
        (_, IssueAssigned e) => (record with
        {
            Assignee = e.Assignee,
            LastAssignee = e.Assignee,
            AcknowledgeBy = e.AcknowledgeBy,
            AcknowledgementMissed = false,
            Acknowledged = false,
            ResolutionMissed = false
        }).With(AssessmentFact.Assigned, e.Assignee, e.At),
        // Counted in the month of its assignment, so the rate compares like with like.
        (_, AssignmentAcknowledged e) when !record.Acknowledged && !record.AcknowledgementMissed
                                           && (record.AcknowledgeBy is not { } by || e.At <= by) =>
            (record with { Acknowledged = true }).With(AssessmentFact.AcknowledgedInTime, record.Assignee, AssignedAt(record)),
        (_, AssignmentAcknowledged) => record with { Acknowledged = true },
        (_, AssignmentDeclined) => record with { Assignee = null },
        (_, AcknowledgementOverdue e) => (record with { AcknowledgementMissed = true }).With(AssessmentFact.Overdue, e.Assignee, e.At),
        (_, ResolutionOverdue e) => (record with { ResolutionMissed = true }).With(AssessmentFact.Overdue, e.Assignee, e.At),
        (_, ExtensionApproved e) => (record with { ResolutionMissed = false }).With(AssessmentFact.ExtensionApproved, record.Assignee, e.At),
        (_, IssueResolved e) => Resolved(record, e.Assignee ?? record.Assignee, e.At),
        (_, ResolutionConfirmed e) => Rated(record, e.Assignee ?? record.Assignee, e),
        (_, IssueReopened e) => record.With(AssessmentFact.Reopened, record.Assignee, e.At),
        (_, IssueEscalated e) => record.With(AssessmentFact.Escalated, e.Assignee ?? record.Assignee, e.At),
        (_, IssueClosed e) => record with { ClosedAt = e.At },
        (_, IssueMarkedDuplicate e) => record with { DuplicateOf = e.Of, MarkedDuplicateAt = e.At },
        _ => record
    };

    private static DateTimeOffset AssignedAt(AssessmentRecord record) =>
        record.Facts.Last(f => f.Fact == AssessmentFact.Assigned).At;

    private static AssessmentRecord Resolved(AssessmentRecord record, string? org, DateTimeOffset at)
    {
        var resolved = record.With(AssessmentFact.Resolved, org, at);
        return record.ResolutionMissed ? resolved : resolved.With(AssessmentFact.ResolvedOnTime, org, at);
    }

    private static AssessmentRecord Rated(AssessmentRecord record, string? org, ResolutionConfirmed e)
    {
        var rated = record.With(AssessmentFact.Rated, org, e.At);
        return rated.With(e.Satisfaction == Satisfaction.Unsatisfied ? AssessmentFact.Unsatisfied : AssessmentFact.Satisfied, org, e.At);
    }
}
