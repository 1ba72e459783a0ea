using System.Security.Claims;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class ScheduleMeetingEndpoint
{
    [WolverinePost("/api/meetings"), Authorize(Roles = Who.Hosts)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        ScheduleMeeting command, ClaimsPrincipal user, TimeProvider clock)
    {
        var decision = Meeting.Schedule(command, user.ToActor(), clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return (Problems.For(rejection), MartenOps.Nothing());

        var id = Guid.CreateVersion7();
        return (TypedResults.Created($"/api/meetings/{id}", new CommandAccepted(id, decision.Events.Count)),
            MartenOps.StartStream<Meeting>(id, [.. decision.Events]));
    }
}
