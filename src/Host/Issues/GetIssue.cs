using IssueTracker.Host.Open311;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Issues;

public static class GetIssueEndpoint
{
    [ApiOperation("Get an issue's details (ETag = version)", "问题详情",
        Description = "Reporter contact only for hosts, admins and auditors. A path id that is not a UUID is 404.",
        ChineseDescription = "报告人信息仅对主持人、管理员和审计员可见；不是 UUID 的编号返回 404。")]
    [WolverineGet("/api/issues/{issueId}")]
    [ProducesResponseType<IssueDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public static async Task<IResult> Get(Guid issueId, IQuerySession session, ClaimsPrincipal user, HttpContext context,
        TimeProvider clock, LocationPrivacy privacy, CancellationToken ct)
    {
        var stored = await session.LoadAsync<IssueDetails>(issueId, ct);
        if (stored is null) return Problems.NotFound("issue");
        var details = stored.AsOf(clock.GetUtcNow());

        context.Response.SetETag(details.Version);
        // A due date passing changes what is served without a new version: no 304 for what a cache may hold as on time.
        if (ReferenceEquals(details, stored) && context.Request.IfNoneMatchHits(details.Version))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        details = details.Served() with { AssigneeName = (await OrganisationDirectory.FindAsync(session, details.Assignee, ct))?.Name };
        return TypedResults.Ok(user.SeesPrivateData() ? details : details.WithoutReporter(privacy.Hides(details.Category)));
    }
}
