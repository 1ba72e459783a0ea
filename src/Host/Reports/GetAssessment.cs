using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.Assessment;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Reports;

public sealed record AssessmentReport(string From, string To, string GroupBy, IReadOnlyList<AssessmentRow> Rows);

public static class GetAssessmentEndpoint
{
    /// <summary>The assessment (考核) of a period by organisation, category or community: JSON, CSV or xlsx.</summary>
    [ApiOperation("The monthly assessment by organisation, category or community: JSON, CSV or xlsx", "月度考核")]
    [WolverineGet("/api/reports/assessment"), Authorize(Roles = Who.Auditors)]
    [ProducesResponseType<AssessmentReport>(StatusCodes.Status200OK, "application/json", "text/csv", AssessmentFiles.Xlsx)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> Get(string? from, string? to, string? groupBy, string? format, IQuerySession session,
        StreetTimeZones zones, AssessmentWeights weights, CancellationToken ct)
    {
        var validation = AssessmentPeriod.Parse(from, to, out var period)
            .Check(Grouping(groupBy) is not null, "groupBy", "'groupBy' is organisation, category or community.")
            .Check(format is null or "json" or "csv" or "xlsx", "format", "'format' is json, csv or xlsx.");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        var zone = zones.For(session.TenantId);
        var (start, end) = (period!.Start(zone), period.End(zone));
        var records = await session.Query<AssessmentRecord>().Where(x => x.LastAt >= start && x.FirstAt < end).ToListAsync(ct);
        var originalIds = records.Where(r => r.DuplicateOf is not null).Select(r => r.DuplicateOf!.Value).Distinct().ToArray();
        var originals = originalIds.Length == 0
            ? new Dictionary<Guid, AssessmentRecord>()
            : (await session.LoadManyAsync<AssessmentRecord>(ct, originalIds)).ToDictionary(r => r.Id);

        var grouping = Grouping(groupBy)!.Value;
        var report = new AssessmentReport(period.FromText, period.ToText, IssueStatuses.JsonName(grouping.ToString()),
            AssessmentTable.Build(records, originals, start, end, grouping, weights));
        var file = $"assessment-{report.From}-{report.To}-{report.GroupBy}";
        return format switch
        {
            "csv" => TypedResults.File(AssessmentFiles.Csv(report, await NamesAsync(session, grouping, ct)), "text/csv; charset=utf-8", file + ".csv"),
            "xlsx" => TypedResults.File(AssessmentFiles.Workbook(report, await NamesAsync(session, grouping, ct)), AssessmentFiles.Xlsx, file + ".xlsx"),
            _ => TypedResults.Ok(report)
        };
    }

    /// <summary>What a row is called in the files: an organisation's directory name, a category's label, a community as it is.</summary>
    private static async Task<Func<string, string>> NamesAsync(IQuerySession session, AssessmentGrouping grouping, CancellationToken ct)
    {
        if (grouping == AssessmentGrouping.Category)
            return key => Enum.TryParse<IssueCategory>(key, ignoreCase: true, out var category)
                ? IssueSheet.CategoryLabels[category]
                : key;
        if (grouping != AssessmentGrouping.Organisation) return key => key;
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return key => names.NameOf(key) ?? key;
    }

    private static AssessmentGrouping? Grouping(string? groupBy) => groupBy switch
    {
        null or "organisation" => AssessmentGrouping.Organisation,
        "category" => AssessmentGrouping.Category,
        "community" => AssessmentGrouping.Community,
        _ => null
    };
}
