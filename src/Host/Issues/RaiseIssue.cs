using IssueTracker.Domain.Issues;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class RaiseIssueEndpoint
{
    public static RaiseIssue Example => new("明光小区地锁占道", "3栋楼下有住户私装地锁，占用公共车位，消防通道也被堵。",
        IssueCategory.Parking, new Location("明光社区", "明光小区", "3栋", 12), new Reporter("王女士", "138****5678"),
        Urgency.Normal, []);

    [ApiOperation("Raise an issue", "提出问题")]
    [WolverinePost("/api/issues"), Authorize(Roles = Who.Reporters)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        RaiseIssue command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Issue.Raise(command, user.ToActor(), clock.GetUtcNow()).StartStream<Issue>("/api/issues", request);
}
