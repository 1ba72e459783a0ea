using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

public sealed record AttendeeEntry([property: Required] string? Name, [property: Required] AttendeeRole? Role);

public sealed record RecordAttendance([property: Required] IReadOnlyList<AttendeeEntry>? Attendees);

public sealed partial record Meeting
{
    public const int MaxAttendeesPerRecord = 500;

    /// <summary>Adds people to the attendance; recording again adds latecomers rather than replacing the list.</summary>
    public Decision RecordAttendance(RecordAttendance command, Actor by, DateTimeOffset now)
    {
        if (IsConcluded) return AlreadyConcluded("attendance");
        var entries = command.Attendees ?? [];
        var validation = new Validation()
            .Check(entries.Count > 0, "attendees", ErrorCodes.Required, "'attendees' must name at least one person.", "「attendees」至少要有一人。")
            .Check(entries.Count <= MaxAttendeesPerRecord, "attendees", ErrorCodes.TooMany, $"At most {MaxAttendeesPerRecord} attendees at once.", $"一次最多记录 {MaxAttendeesPerRecord} 人。");
        for (var i = 0; i < entries.Count && validation.IsValid; i++)
        {
            validation.Required($"attendees[{i}].name", entries[i]?.Name, Limits.Name)
                .Check(entries[i]?.Role is { } role && Enum.IsDefined(role), $"attendees[{i}].role",
                    "'role' is required: resident, partyMember, gridWorker, propertyCompany, police, department or other.");
        }
        return validation.Then(() => Decision.Accept(new AttendanceRecorded(
            entries.Select(e => new Attendee(e.Name!.Trim(), e.Role!.Value)).ToList(), by, now)));
    }
}
