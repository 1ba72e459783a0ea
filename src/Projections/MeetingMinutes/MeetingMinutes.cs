using IssueTracker.Domain.Meetings;

namespace IssueTracker.Projections.MeetingMinutes;

/// <summary>The minutes screen of one meeting: agenda with each item's decision, who attended, what was decided.</summary>
public sealed record MeetingMinutes
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Community { get; init; } = "";
    public DateTimeOffset ScheduledAt { get; init; }
    public string? Place { get; init; }
    public string Host { get; init; } = "";
    public MeetingStatus Status { get; init; }
    public IReadOnlyList<AgendaItem> Agenda { get; init; } = [];
    public IReadOnlyList<Attendee> Attendees { get; init; } = [];
    public IReadOnlyList<RecordedDecision> Decisions { get; init; } = [];
    public string? Minutes { get; init; }
    public DateTimeOffset? ConcludedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
}

public sealed record AgendaItem(Guid IssueId, string Title, string? Decision, DecisionOutcome? Outcome);

public sealed record RecordedDecision(
    Guid IssueId, string Decision, DecisionOutcome Outcome, string? Assignee, DateTimeOffset? DueBy, string? Reason,
    string? ReferredTo, Guid? DuplicateOf, string DecidedBy, DateTimeOffset DecidedAt);
