using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class DeclineAssignmentEndpoint
{
    public static DeclineAssignment Example => new("该地块不在本物业管理范围，建议转城管。");

    [ApiOperation("Decline an assignment, with a reason", "退回")]
    [WolverinePost("/api/issues/{issueId}/decline"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        DeclineAssignment command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Decline(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
