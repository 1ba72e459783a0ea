using IssueTracker.Domain.Meetings;
using IssueTracker.Projections.MeetingMinutes;

namespace IssueTracker.Host.Meetings;

/// <summary>Residents who attended are named only to those who see private data (hosts, admins, auditors), as reporters are.</summary>
public static class AttendeePrivacy
{
    public static MeetingMinutes For(this MeetingMinutes minutes, ClaimsPrincipal user) =>
        user.SeesPrivateData() || minutes.Attendees.All(a => a.Role != AttendeeRole.Resident)
            ? minutes
            : minutes with
            {
                Attendees = minutes.Attendees.Select(a => a.Role == AttendeeRole.Resident ? a with { Name = null! } : a).ToList()
            };
}
