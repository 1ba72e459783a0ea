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
    {
        var decision = Issue.Raise(command, user.ToActor(), clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return (Problems.For(rejection), MartenOps.Nothing());

        var id = Guid.CreateVersion7();
        return (CommandResponses.Created(request, $"/api/issues/{id}", new CommandAccepted(id, decision.Events.Count)),
            MartenOps.StartStream<Issue>(id, [.. decision.Events]));
    }
}
