using IssueTracker.Projections.MeetingMinutes;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Meetings;

public static class GetMeetingEndpoint
{
    [ApiOperation("Get a meeting's minutes", "议事会纪要")]
    [WolverineGet("/api/meetings/{meetingId}")]
    [ProducesResponseType<MeetingMinutes>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, HttpContext context, ClaimsPrincipal user, CancellationToken ct)
    {
        var minutes = await session.LoadAsync<MeetingMinutes>(meetingId, ct);
        if (minutes is null) return Problems.NotFound("meeting");

        context.Response.SetETag(minutes.Version);
        if (context.Request.IfNoneMatchHits(minutes.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(minutes.For(user));
    }
}
