using IssueTracker.Domain.Issues;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

/// <summary>An accepted extension request: the issue's new version and the request's number on the issue.</summary>
public sealed record ExtensionRequestAccepted(Guid Id, int Version, int Request) : IAcceptedAnswer;

public static class RequestExtensionEndpoint
{
    public static RequestExtension Example => new(Examples.Friday.AddDays(7), "需业委会表决动用维修基金，预计下周五前完成。");

    [ApiOperation("Ask for a later due date", "延期申请")]
    [WolverinePost("/api/issues/{issueId}/extension-requests"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<ExtensionRequestAccepted>, ProblemHttpResult>, Events) Post(
        RequestExtension command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        var decided = issue.Decide(issue.RequestExtension(command, user.ToActor(), now), policy, now);
        var (answer, events) = decided.Respond(issue, request);
        if (answer.Result is not Ok<CommandAccepted> { Value: { } accepted }) return ((ProblemHttpResult)answer.Result, events);
        var number = decided.Decision.Events.OfType<ExtensionRequested>().Single().Number;
        return (TypedResults.Ok(new ExtensionRequestAccepted(accepted.Id, accepted.Version, number)), events);
    }
}
