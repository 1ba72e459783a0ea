using IssueTracker.Domain.Shared;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Issues;

public static class ExportIssuesEndpoint
{
    [ApiOperation("Export the issues the list's filters keep, as xlsx or CSV", "导出问题清单（xlsx 或 CSV）",
        Description = "Every filter of GET /api/issues, no paging: one row per issue with Chinese headers and labels, organisation names, times in the street's time zone. Streamed.",
        ChineseDescription = "与问题列表相同的筛选条件，不分页：每个问题一行，中文表头与标签、责任单位名称、街道时区的时间；流式输出。")]
    [WolverineGet("/api/issues/export"), Authorize(Roles = Who.Auditors)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, IssueSheet.Xlsx, "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(
        string? format, string? status, string? community, int? grid, string? category, string? assignee, bool? overdue,
        string? q, string? raisedBy, DateTimeOffset? raisedFrom, DateTimeOffset? raisedTo, string? sort,
        IQuerySession session, ClaimsPrincipal user, TimeProvider clock, StreetTimeZones zones, HttpResponse response,
        CancellationToken ct)
    {
        var me = user.ToActor();
        var filter = new IssueFilter(status, community, grid, category, assignee, overdue, q, raisedBy, raisedFrom, raisedTo, sort);
        var validation = filter.Check(new Validation(), me)
            .Check(format is "xlsx" or "csv", "format", ErrorCodes.UnknownValue, "'format' is xlsx or csv.", "「format」只能是 xlsx 或 csv。");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        var now = clock.GetUtcNow();
        var sheet = new IssueSheet(await OrganisationDirectory.NamesAsync(session, ct), zones.For(session.TenantId), now,
            user.SeesPrivateData());
        var issues = filter.Sorted(filter.Apply(session.Query<IssueDetails>(), me, now)).ToAsyncEnumerable(ct);
        var name = $"issues-{TimeZoneInfo.ConvertTime(now, zones.For(session.TenantId)):yyyyMMdd-HHmm}.{format}";
        if (format == "xlsx") return TypedResults.Stream(await sheet.Workbook(issues, ct), IssueSheet.Xlsx, name);

        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = name }.ToString();
        await sheet.WriteCsv(response.Body, issues, ct);
        return Results.Empty;
    }
}
