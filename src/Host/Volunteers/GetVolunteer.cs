using IssueTracker.Projections.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public static class GetVolunteerEndpoint
{
    /// <summary>Any signed-in user of the street; name and contact only for those who may see them.</summary>
    [WolverineGet("/api/volunteers/{volunteerId}")]
    [ProducesResponseType<VolunteerProfile>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public static async Task<IResult> Get(Guid volunteerId, IQuerySession session, ClaimsPrincipal user, HttpContext context,
        CancellationToken ct) => Answer(await session.LoadAsync<VolunteerProfile>(volunteerId, ct), user, context);

    /// <summary>The signed-in volunteer's own record (their hours, points and what earned and spent them).</summary>
    [WolverineGet("/api/volunteers/me")]
    [ProducesResponseType<VolunteerProfile>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public static async Task<IResult> GetMine(IQuerySession session, ClaimsPrincipal user, HttpContext context,
        CancellationToken ct) =>
        Answer(await session.LoadAsync<VolunteerProfile>(VolunteerIds.ForAccount(user.Street(), user.ToActor().Id), ct), user, context);

    private static IResult Answer(VolunteerProfile? volunteer, ClaimsPrincipal user, HttpContext context)
    {
        if (volunteer is null) return Problems.NotFound("volunteer");
        var shown = user.SeesPrivateDataOf(volunteer) ? volunteer : volunteer.WithoutPrivateData();
        context.Response.SetETag(volunteer.Version);
        // The answer depends on who asks: a cache may not hand one reader's copy to another.
        context.Response.Headers.Vary = "Authorization";
        if (context.Request.IfNoneMatchHits(volunteer.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(shown);
    }
}
