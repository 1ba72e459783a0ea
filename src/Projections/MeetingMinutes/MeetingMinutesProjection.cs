using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.MeetingMinutes;

public sealed partial class MeetingMinutesProjection : SingleStreamProjection<MeetingMinutes, Guid>
{
    // Evolve hides which events it folds; without this list every command on an issue would load minutes it never has.
    public MeetingMinutesProjection()
    {
        IncludeType<MeetingScheduled>();
        IncludeType<AgendaItemAdded>();
        IncludeType<AttendanceRecorded>();
        IncludeType<DecisionRecorded>();
        IncludeType<MeetingConcluded>();
    }

    public override MeetingMinutes? Evolve(MeetingMinutes? snapshot, Guid id, IEvent e)
    {
        var next = Apply(snapshot, id, e.Data);
        return next is null || e.Data is not IAuthoredEvent happened
            ? next
            : next with { Version = (int)e.Version, UpdatedAt = happened.At };
    }

    public static MeetingMinutes? Apply(MeetingMinutes? minutes, Guid id, object @event) => (minutes, @event) switch
    {
        (null, MeetingScheduled e) => new MeetingMinutes
        {
            Id = id, Title = e.Title, Community = e.Community, ScheduledAt = e.ScheduledAt, Place = e.Place,
            Host = e.By.Name, Status = MeetingStatus.Scheduled
        },
        (null, _) => null,
        (_, AgendaItemAdded e) => minutes with { Agenda = [.. minutes.Agenda, new AgendaItem(e.IssueId, e.IssueTitle, null, null)] },
        (_, AttendanceRecorded e) => minutes with { Attendees = [.. minutes.Attendees, .. e.Attendees] },
        (_, DecisionRecorded e) => minutes with
        {
            Agenda = minutes.Agenda
                .Select(item => item.IssueId == e.IssueId ? item with { Decision = e.Decision, Outcome = e.Outcome } : item)
                .ToList(),
            Decisions =
            [
                .. minutes.Decisions,
                new RecordedDecision(e.IssueId, e.Decision, e.Outcome, e.Assignee, e.DueBy, e.Reason, e.ReferredTo,
                    e.DuplicateOf, e.By.Name, e.At)
            ]
        },
        (_, MeetingConcluded e) => minutes with { Status = MeetingStatus.Concluded, Minutes = e.Minutes, ConcludedAt = e.At },
        _ => minutes
    };
}
