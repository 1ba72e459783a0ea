using IssueTracker.Domain.Meetings;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class ScheduleMeetingEndpoint
{
    public static ScheduleMeeting Example => new("十二月党群议事会", "明光社区", Examples.Friday.AddDays(-2).AddHours(-2.5),
        "明光路街道党群服务中心二楼会议室");

    [ApiOperation("Schedule a discussion meeting", "安排党群议事会")]
    [WolverinePost("/api/meetings"), Authorize(Roles = Who.Hosts)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        ScheduleMeeting command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Meeting.Schedule(command, user.ToActor(), clock.GetUtcNow()).StartStream<Meeting>("/api/meetings", request);
}
