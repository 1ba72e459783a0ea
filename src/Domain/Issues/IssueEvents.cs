using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

// Time lives in the event (At, from the injected clock), not in Marten's metadata: the hash chain and
// point-in-time state rest on it, and tests move the clock.

public sealed record IssueRaised(
    string Title, string Description, IssueCategory Category, Location Location, Reporter? Reporter,
    Urgency Urgency, IReadOnlyList<string> PhotoUrls, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssuePlacedOnAgenda(Guid MeetingId, string MeetingTitle, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueDiscussed(Guid MeetingId, string Decision, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <param name="DueBy">The resolution deadline: the one asked for, or the category's default (set by <see cref="Issue.Supervise"/>).</param>
/// <param name="AcknowledgeBy">When the assignee must have acknowledged (签收时限); null only in events recorded before deadlines.</param>
public sealed record IssueAssigned(
    string Assignee, DateTimeOffset? DueBy, string? Note, Actor By, DateTimeOffset At, DateTimeOffset? AcknowledgeBy = null)
    : IAuthoredEvent;

public sealed record AssignmentAcknowledged(string Assignee, string? Note, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record AssignmentDeclined(string Assignee, string Reason, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record ProgressReported(string Note, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueResolved(string Resolution, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record ResolutionConfirmed(Satisfaction Satisfaction, string? Comment, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueReopened(string Reason, int ReopenCount, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueClosed(CloseOutcome Outcome, string? Reason, string? ReferredTo, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueWithdrawn(string? Reason, Actor By, DateTimeOffset At) : IAuthoredEvent;

/// <summary>A remark on the issue; no step of the lifecycle (the status stays).</summary>
public sealed record CommentAdded(string Text, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueMarkedDuplicate(Guid Of, Actor By, DateTimeOffset At) : IAuthoredEvent;

// Deadlines (签收时限, 办结时限) and supervision (督办): recorded by the system, naming the assignee who missed them.

public sealed record AcknowledgementOverdue(string Assignee, DateTimeOffset AcknowledgeBy, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record ResolutionOverdue(string Assignee, DateTimeOffset DueBy, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record IssueEscalated(EscalationLevel Level, EscalationReason Reason, string? Assignee, Actor By, DateTimeOffset At)
    : IAuthoredEvent;

/// <summary>A photo of the evidence, cleaned of its metadata and stored; its SHA-256 puts the bytes under the hash chain.</summary>
public sealed record PhotoAttached(
    Guid Id, AttachmentStep Step, string Sha256, string ContentType, long Bytes, int Width, int Height, Actor By, DateTimeOffset At)
    : IAuthoredEvent;
