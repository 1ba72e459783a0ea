using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class AcknowledgeAssignmentEndpoint
{
    public static AcknowledgeAssignment Example => new("已签收，明天上午到现场查看。");

    [ApiOperation("Acknowledge an assignment", "签收")]
    [WolverinePost("/api/issues/{issueId}/acknowledge"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        AcknowledgeAssignment command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Acknowledge(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
