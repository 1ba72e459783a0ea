using IssueTracker.Domain.Meetings;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class ConcludeMeetingEndpoint
{
    public static ConcludeMeeting Example => new("议定三项：地锁限期拆除；群力新村散养家禽由城管劝导；矿机二村漏水报维修基金。");

    [ApiOperation("Conclude a meeting with its minutes", "结束议事会并记录纪要")]
    [WolverinePost("/api/meetings/{meetingId}/conclude"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ConcludeMeeting command, [Aggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => meeting.Conclude(command, user.ToActor(), clock.GetUtcNow()).Respond(meeting, request);
}
