using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class AddCommentEndpoint
{
    public const string Participants = "reporter,host,admin,assignee";

    public static AddComment Example => new("3栋业主反映地锁今早又被装上，请物业再看一下。");

    [ApiOperation("Comment on an issue", "评论",
        Description = "Reporters, hosts and the organisation it is assigned to, while the issue is not closed, withdrawn or a duplicate.",
        ChineseDescription = "报告人、主持人和承办单位可在问题未关闭、撤回或标记重复时评论。")]
    [WolverinePost("/api/issues/{issueId}/comments"), Authorize(Roles = Participants)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        AddComment command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.AddComment(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
