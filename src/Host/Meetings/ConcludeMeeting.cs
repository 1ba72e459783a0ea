using System.Security.Claims;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class ConcludeMeetingEndpoint
{
    [WolverinePost("/api/meetings/{meetingId}/conclude"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ConcludeMeeting command, [Aggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => meeting.Conclude(command, user.ToActor(), clock.GetUtcNow()).Respond(meeting, request);
}
