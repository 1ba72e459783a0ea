using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.Issues;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.IssueDetails;

public sealed partial class IssueDetailsProjection : SingleStreamProjection<IssueDetails, Guid>
{
    public override IssueDetails? Evolve(IssueDetails? snapshot, Guid id, IEvent e)
    {
        var next = Apply(snapshot, id, e.Data);
        return next is null || e.Data is not IAuthoredEvent happened
            ? next
            : next with { Version = (int)e.Version, UpdatedAt = happened.At };
    }

    /// <summary>Folds one event; also used to show the issue as it was at an earlier version.</summary>
    public static IssueDetails? Apply(IssueDetails? details, Guid id, object @event) =>
        Fold(details, id, @event) is { } next ? Settled(next with { Status = IssueStatuses.After(next.Status, @event) }) : null;

    private static IssueDetails Settled(IssueDetails details) =>
        details with { AwaitingResolution = IssueStatuses.AwaitsResolution(details.Assignee, details.Status) };

    private static IssueDetails? Fold(IssueDetails? details, Guid id, object @event) => (details, @event) switch
    {
        (null, IssueRaised e) => new IssueDetails
        {
            Id = id, Title = e.Title, Description = e.Description, Category = e.Category, Location = e.Location,
            Urgency = e.Urgency, RaisedAt = e.At, PhotoUrls = e.PhotoUrls, Reporter = e.Reporter,
            RaisedBy = e.By.Id,
            SearchGrams = IssueSearch.Of(e.Title, e.Description, e.Location.Compound, e.Location.Building)
        },
        (null, _) => null,
        (_, IssuePlacedOnAgenda e) => details with
        {
            Meetings = [.. details.Meetings, new MeetingDiscussion(e.MeetingId, e.MeetingTitle, null)]
        },
        (_, IssueDiscussed e) => details with
        {
            Meetings = details.Meetings.Select(m => m.MeetingId == e.MeetingId ? m with { Decision = e.Decision } : m).ToList()
        },
        (_, IssueAssigned e) => details with
        {
            Assignee = e.Assignee,
            AcknowledgeBy = e.AcknowledgeBy,
            DueBy = e.DueBy?.ToUniversalTime(),
            Overdue = false,
            Resolution = null
        },
        (_, AssignmentAcknowledged e) => details with { Overdue = OverdueRule.AfterAcknowledgement(details.DueBy, e.At) },
        (_, AssignmentDeclined) => details with { Assignee = null, AcknowledgeBy = null, DueBy = null, Overdue = false },
        (_, IssueResolved e) => details with { Resolution = e.Resolution, Overdue = false },
        (_, ResolutionConfirmed e) => details with { Satisfaction = e.Satisfaction },
        (_, IssueReopened e) => details with { ReopenCount = e.ReopenCount },
        (_, IssueClosed e) => details with { ClosedReason = e.Reason, ReferredTo = e.ReferredTo, Overdue = false },
        (_, IssueWithdrawn e) => details with { ClosedReason = e.Reason, Overdue = false },
        (_, IssueMarkedDuplicate e) => details with { DuplicateOf = e.Of, Overdue = false },
        (_, AcknowledgementOverdue or ResolutionOverdue) => details with { Overdue = true },
        (_, CommentAdded e) => details with { Comments = [.. details.Comments, new Comment(e.Text, e.By.Name, e.By.Org, e.At)] },
        (_, IssueEscalated e) => details with { Escalated = true, Escalation = new Supervision(e.Level, e.Reason, e.At) },
        (_, PhotoAttached e) => details with
        {
            Attachments = [.. details.Attachments, new Attachment(e.Id, e.Step, e.ContentType, e.Bytes, e.Width, e.Height, e.Sha256, e.At, e.By)]
        },
        (_, ExtensionRequested e) => details with { ExtensionRequest = new(e.Number, e.DueBy, e.Reason, ExtensionStatus.Pending) },
        (_, ExtensionApproved e) => details with
        {
            DueBy = e.DueBy,
            Overdue = false,
            ExtensionRequest = details.ExtensionRequest! with { Status = ExtensionStatus.Approved }
        },
        (_, ExtensionRejected) => details with { ExtensionRequest = details.ExtensionRequest! with { Status = ExtensionStatus.Rejected } },
        _ => details
    };
}
