using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

// Like the issue's events, these carry their own time and author, and what the read models need
// (the agenda item carries the issue's title so the minutes never have to look the issue up).

public sealed record MeetingScheduled(
    string Title, string Community, DateTimeOffset ScheduledAt, string? Place, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record AgendaItemAdded(Guid IssueId, string IssueTitle, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record AttendanceRecorded(IReadOnlyList<Attendee> Attendees, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record DecisionRecorded(
    Guid IssueId, string Decision, DecisionOutcome Outcome, string? Assignee, DateTimeOffset? DueBy, string? Reason,
    string? ReferredTo, Guid? DuplicateOf, Actor By, DateTimeOffset At) : IAuthoredEvent;

public sealed record MeetingConcluded(string Minutes, Actor By, DateTimeOffset At) : IAuthoredEvent;
