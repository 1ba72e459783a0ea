using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class WithdrawIssueEndpoint
{
    public static WithdrawIssue Example => new("邻里已自行协商解决。");

    [ApiOperation("Withdraw an issue", "撤回")]
    [WolverinePost("/api/issues/{issueId}/withdraw"), Authorize(Roles = Who.Reporters)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        WithdrawIssue command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Withdraw(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
