using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class ReopenIssueEndpoint
{
    public static ReopenIssue Example => new("地锁拆除后又被重新安装。");

    [ApiOperation("Reopen a resolved issue", "重新办理")]
    [WolverinePost("/api/issues/{issueId}/reopen"), Authorize(Roles = Who.Reporters)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ReopenIssue command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Reopen(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
