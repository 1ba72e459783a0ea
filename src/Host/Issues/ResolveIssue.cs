using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class ResolveIssueEndpoint
{
    public static ResolveIssue Example => new("地锁已全部拆除，车位恢复公共使用，已张贴停车公约。");

    [ApiOperation("Resolve an issue", "办结")]
    [WolverinePost("/api/issues/{issueId}/resolve"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ResolveIssue command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Resolve(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
