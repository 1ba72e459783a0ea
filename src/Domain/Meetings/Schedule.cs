using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

public sealed record ScheduleMeeting(
    [property: Required] string? Title, [property: Required] string? Community, [property: Required] DateTimeOffset? ScheduledAt, string? Place);

public sealed partial record Meeting
{
    public static Decision Schedule(ScheduleMeeting command, Actor by, DateTimeOffset now) =>
        new Validation()
            .Required("title", command.Title, Limits.Title)
            .Required("community", command.Community, Limits.Name)
            .Check(command.ScheduledAt is not null, "scheduledAt", ErrorCodes.Required, "'scheduledAt' is required.", "「scheduledAt」必填。")
            .Optional("place", command.Place, Limits.Name)
            .Then(() => Decision.Accept(new MeetingScheduled(
                command.Title!.Trim(), command.Community!.Trim(), command.ScheduledAt!.Value, command.Place?.Trim(), by, now)));
}
