using IssueTracker.Domain.Issues;
using IssueTracker.Host.Deadlines;
using Wolverine;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class ApproveExtensionEndpoint
{
    public static ReviewExtension Example => new("同意延期至下周五，请按期办结。");

    /// <summary>Moves the due date and schedules its timers; the old due date's timers find themselves stale.</summary>
    [ApiOperation("Approve an extension request: the due date moves", "批准延期申请")]
    [WolverinePost("/api/issues/{issueId}/extension-requests/{number}/approve"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events, OutgoingMessages) Post(
        int number, ReviewExtension command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock,
        DeadlinePolicy policy, HttpRequest request)
    {
        var now = clock.GetUtcNow();
        var decided = issue.Decide(issue.ApproveExtension(number, command, user.ToActor(), now), policy, now);
        var (answer, events) = decided.Respond(issue, request);
        return (answer, events, events.Count == 0 ? [] : DeadlineTimers.For(issue, decided));
    }
}

public static class RejectExtensionEndpoint
{
    public static ReviewExtension Example => new("维修条件已具备，请按原期限办结。");

    [ApiOperation("Reject an extension request: the due date stays", "驳回延期申请")]
    [WolverinePost("/api/issues/{issueId}/extension-requests/{number}/reject"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        int number, ReviewExtension command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock,
        DeadlinePolicy policy, HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.RejectExtension(number, command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
