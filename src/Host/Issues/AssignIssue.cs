using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Organisations;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Organisations;
using Wolverine;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class AssignIssueEndpoint
{
    public static AssignIssue Example => new("hongse-wuye", Examples.Friday, "请红色物业牵头，联系业委会一并处理。");

    public static Task<ListedAssignee> LoadAsync(AssignIssue command, IQuerySession session, CancellationToken ct) =>
        ListedAssignee.LoadAsync(session, command.Assignee, ct);

    /// <summary>Assigns with the category's deadlines and schedules their timers in the same transaction (the outbox).</summary>
    [ApiOperation("Assign or reassign an issue to an organisation", "交办",
        Description = "The assignee must be an active organisation of the street's directory (else 400 unknownOrganisation).",
        ChineseDescription = "责任单位须为本街道名录中在用的单位（否则 400 unknownOrganisation）。")]
    [WolverinePost("/api/issues/{issueId}/assign"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events, OutgoingMessages) Post(
        AssignIssue command, [Aggregate] Issue issue, ListedAssignee listed, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        var decided = issue.Decide(issue.Assign(command, user.ToActor(), now).RequireListed(listed.IsActive), policy, now);
        var (answer, events) = decided.Respond(issue, request);
        return (answer, events, events.Count == 0 ? [] : DeadlineTimers.For(issue, decided));
    }
}
