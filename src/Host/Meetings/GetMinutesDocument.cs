using IssueTracker.Domain.Shared;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.MeetingMinutes;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Meetings;

public static class GetMinutesDocumentEndpoint
{
    [ApiOperation("A meeting's minutes as a Word document (.docx)", "会议纪要（Word 文档）",
        Description = "The minutes as the reader may see them: residents' names only for hosts, admins and auditors.",
        ChineseDescription = "按读者权限生成：只有主持人、管理员和审计员可见居民姓名。")]
    [WolverineGet("/api/meetings/{meetingId}/minutes.docx")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, MinutesDocument.Docx)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, ClaimsPrincipal user, StreetTimeZones zones, CancellationToken ct)
    {
        var minutes = await session.LoadAsync<MeetingMinutes>(meetingId, ct);
        if (minutes is null) return Problems.NotFound("meeting");
        var document = MinutesDocument.Write(minutes.For(user), await OrganisationDirectory.NamesAsync(session, ct), zones.For(session.TenantId));
        return TypedResults.File(document, MinutesDocument.Docx, $"minutes-{minutes.ScheduledAt:yyyyMMdd}-{meetingId.ToString()[..8]}.docx");
    }
}
