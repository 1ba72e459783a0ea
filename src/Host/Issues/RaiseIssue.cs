using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Marten;

namespace IssueTracker.Host.Issues;

public static class RaiseIssueEndpoint
{
    [WolverinePost("/api/issues"), Authorize(Roles = Who.Reporters)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        RaiseIssue command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Issue.Raise(command, user.ToActor(), clock.GetUtcNow()).StartStream<Issue>("/api/issues", request);
}
