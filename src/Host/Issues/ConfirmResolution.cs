using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class ConfirmResolutionEndpoint
{
    public static ConfirmResolution Example => new(Satisfaction.Satisfied, "回访居民，反映车位已恢复。");

    [ApiOperation("Confirm a resolution with the residents", "回访确认",
        Description = "Unsatisfied reopens the issue.",
        ChineseDescription = "不满意则重新办理。")]
    [WolverinePost("/api/issues/{issueId}/confirm"), Authorize(Roles = Who.Reporters)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ConfirmResolution command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Confirm(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
