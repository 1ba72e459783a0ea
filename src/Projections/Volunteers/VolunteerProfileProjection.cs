using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IssueTracker.Projections.Volunteers;

public sealed partial class VolunteerProfileProjection : SingleStreamProjection<VolunteerProfile, Guid>
{
    // Only its own events: an inline projection that saw every append would load (and delete) a document per stream.
    public VolunteerProfileProjection()
    {
        IncludeType<VolunteerRegistered>();
        IncludeType<VolunteerJoinedTeam>();
        IncludeType<VolunteerLeftTeam>();
        IncludeType<ServiceRecorded>();
        IncludeType<ServiceRecordCorrected>();
        IncludeType<PointsAwarded>();
        IncludeType<PointsRedeemed>();
    }

    public override VolunteerProfile? Evolve(VolunteerProfile? snapshot, Guid id, IEvent e)
    {
        var next = Apply(snapshot, id, e.Data);
        return next is null || e.Data is not IAuthoredEvent happened
            ? next
            : next with { Version = (int)e.Version, UpdatedAt = happened.At };
    }

    public static VolunteerProfile? Apply(VolunteerProfile? profile, Guid id, object @event) => (profile, @event) switch
    {
        (null, VolunteerRegistered e) => new VolunteerProfile
        {
            Id = id, Name = e.Name, Contact = e.Contact, Skills = e.Skills, Community = e.Community, Account = e.Account,
            RegisteredAt = e.At
        },
        (null, _) => null,
        (_, VolunteerJoinedTeam e) => profile with { Teams = [.. profile.Teams, e.TeamId] },
        (_, VolunteerLeftTeam e) => profile with { Teams = profile.Teams.Where(t => t != e.TeamId).ToList() },
        (_, ServiceRecorded e) => profile with
        {
            Hours = profile.Hours + e.Hours,
            Points = profile.Points + e.Points,
            ServiceRecords = [.. profile.ServiceRecords, new ServiceEntry(e.RecordId, e.Activity, e.Hours, e.ServedOn, e.Points, e.Source, e.By.Name, e.At, null)],
            PointsHistory = [.. profile.PointsHistory, new PointsEntry(e.Points, e.Activity, e.Source, e.At)]
        },
        (_, ServiceRecordCorrected e) => Corrected(profile, e),
        (_, PointsAwarded e) => profile with
        {
            Points = profile.Points + e.Points,
            PointsHistory = [.. profile.PointsHistory, new PointsEntry(e.Points, e.Reason, e.Source, e.At)]
        },
        (_, PointsRedeemed e) => profile with
        {
            Points = profile.Points - e.Cost,
            PointsHistory = [.. profile.PointsHistory, new PointsEntry(-e.Cost, e.RewardName, e.RewardId, e.At)]
        },
        _ => profile
    };

    private static VolunteerProfile Corrected(VolunteerProfile profile, ServiceRecordCorrected e)
    {
        var old = profile.ServiceRecords.Single(r => r.RecordId == e.RecordId);
        return profile with
        {
            Hours = profile.Hours - old.Hours + e.Hours,
            Points = profile.Points - old.Points + e.Points,
            ServiceRecords = profile.ServiceRecords
                .Select(r => r.RecordId == e.RecordId ? r with { Hours = e.Hours, Points = e.Points, Correction = e.Reason } : r).ToList(),
            PointsHistory = [.. profile.PointsHistory, new PointsEntry(e.Points - old.Points, $"更正：{e.Reason}", e.RecordId, e.At)]
        };
    }
}
