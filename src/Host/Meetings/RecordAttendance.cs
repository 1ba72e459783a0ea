using System.Security.Claims;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Meetings;

public static class RecordAttendanceEndpoint
{
    [WolverinePost("/api/meetings/{meetingId}/attendance"), Authorize(Roles = Who.Hosts)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        RecordAttendance command, [Aggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => meeting.RecordAttendance(command, user.ToActor(), clock.GetUtcNow()).Respond(meeting, request);
}
