using IssueTracker.Domain.Issues;
using IssueTracker.Projections.IssueDetails;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class MarkDuplicateEndpoint
{
    public static MarkDuplicate Example => new(Examples.SomeIssue);

    public sealed record Original(bool Exists);

    /// <summary>Looks up the issue named by "of" in the caller's street (an issue: a meeting's id is no original), so the rule can tell whether it exists.</summary>
    public static async Task<Original> LoadAsync(MarkDuplicate command, IDocumentSession session, CancellationToken ct) =>
        new(command.Of is { } of && await session.LoadAsync<IssueDetails>(of, ct) is not null);

    [ApiOperation("Mark an issue as a duplicate of another", "标记为重复")]
    [WolverinePost("/api/issues/{issueId}/duplicate"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        MarkDuplicate command, [Aggregate] Issue issue, Original original, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.MarkDuplicate(command, original.Exists, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
