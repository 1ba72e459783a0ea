using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class ReportProgressEndpoint
{
    public static ReportProgress Example => new("已与私装地锁的住户沟通，约定本周内自行拆除。");

    [ApiOperation("Report progress on an issue", "报告进展")]
    [WolverinePost("/api/issues/{issueId}/progress"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ReportProgress command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.ReportProgress(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
