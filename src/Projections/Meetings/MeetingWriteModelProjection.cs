using IssueTracker.Domain.Meetings;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Meetings;

/// <summary>Live aggregation of the Meeting write model for FetchForWriting; the folding itself is the Domain's.</summary>
public sealed partial class MeetingWriteModelProjection : SingleStreamProjection<Meeting, Guid>
{
    public override Meeting? Evolve(Meeting? snapshot, Guid id, IEvent e)
    {
        var next = snapshot is null
            ? e.Data is MeetingScheduled scheduled ? Meeting.Create(id, scheduled) : null
            : Meeting.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
