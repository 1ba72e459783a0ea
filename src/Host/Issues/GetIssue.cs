using System.Security.Claims;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Projections.IssueDetails;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IssueTracker.Host.Issues;

public static class GetIssueEndpoint
{
    [WolverineGet("/api/issues/{id}")]
    [ProducesResponseType<IssueDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext context,
        CancellationToken ct)
    {
        var details = await session.LoadAsync<IssueDetails>(id, ct);
        if (details is null) return Problems.NotFound("issue");

        context.Response.SetETag(details.Version);
        if (context.Request.IfNoneMatchHits(details.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(user.SeesPrivateData() ? details : details.WithoutReporter());
    }
}
