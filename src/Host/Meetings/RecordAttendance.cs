using IssueTracker.Domain.Meetings;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class RecordAttendanceEndpoint
{
    public static RecordAttendance Example => new([
        new AttendeeEntry("李主任", AttendeeRole.PartyMember), new AttendeeEntry("王女士", AttendeeRole.Resident),
        new AttendeeEntry("物业小张", AttendeeRole.PropertyCompany), new AttendeeEntry("大通路派出所片警", AttendeeRole.Police)]);

    [ApiOperation("Record who attended a meeting", "记录参会人员")]
    [WolverinePost("/api/meetings/{meetingId}/attendance"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        RecordAttendance command, [Aggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => meeting.RecordAttendance(command, user.ToActor(), clock.GetUtcNow()).Respond(meeting, request);
}
