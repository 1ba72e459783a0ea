using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class CloseIssueEndpoint
{
    public static CloseIssue Example => new("议事会决定不予处理：属业主私有车位。");

    [ApiOperation("Close an issue", "关闭",
        Description = "A reason is required unless the issue is confirmed.",
        ChineseDescription = "除已确认的问题外须填写原因。")]
    [WolverinePost("/api/issues/{issueId}/close"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        CloseIssue command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Close(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
