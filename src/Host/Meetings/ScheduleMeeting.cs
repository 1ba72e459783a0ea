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
        ScheduleMeeting command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Meeting.Schedule(command, user.ToActor(), clock.GetUtcNow()).StartStream<Meeting>("/api/meetings", request);
}
