using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class AcknowledgeAssignmentEndpoint
{
    [WolverinePost("/api/issues/{issueId}/acknowledge"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        AcknowledgeAssignment command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, DeadlinePolicy policy,
        HttpRequest request)
    {
        var now = clock.GetUtcNow();
        return issue.Decide(issue.Acknowledge(command, user.ToActor(), now), policy, now).Respond(issue, request);
    }
}
