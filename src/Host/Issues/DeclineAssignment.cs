using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class DeclineAssignmentEndpoint
{
    [WolverinePost("/api/issues/{issueId}/decline"), Authorize(Roles = Who.Assignees)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        DeclineAssignment command, [Aggregate] Issue issue, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => issue.Decline(command, user.ToActor(), clock.GetUtcNow()).Respond(issue, request);
}
