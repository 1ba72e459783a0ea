using System.Globalization;
using CsvHelper;
using IssueTracker.Projections.Assessment;
using MiniExcelLibs;

namespace IssueTracker.Host.Reports;

/// <summary>
/// The assessment as a spreadsheet: Chinese headers, one line per group in rank order, each named as people know it
/// (the directory's name of an organisation, a category's Chinese label) beside its id.
/// </summary>
public static class AssessmentFiles
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Headers =
    [
        "名次", "名称", "编号", "得分", "交办数", "及时签收数", "签收及时率", "办结数", "按时办结数", "按时办结率", "回访数", "满意数",
        "不满意数", "满意率", "回访率", "重新办理数", "重复投诉数", "超期数", "督办数", "延期批准数"
    ];

    public static IEnumerable<object?[]> Lines(AssessmentReport report, Func<string, string> name) => report.Rows.Select(r => new object?[]
    {
        r.Rank, name(r.Key), r.Key, r.Score, r.Assigned, r.AcknowledgedInTime, r.AcknowledgeRate, r.Resolved, r.ResolvedOnTime, r.OnTimeRate,
        r.Rated, r.Satisfied, r.Unsatisfied, r.SatisfactionRate, r.FollowUpRate, r.Reopened, r.RepeatComplaints, r.Overdue,
        r.Escalated, r.ExtensionsApproved
    });

    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape
    };

    public static byte[] Csv(AssessmentReport report, Func<string, string> name)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvOptions, leaveOpen: true))
        {
            csv.WriteHeader(Headers);
            foreach (var line in Lines(report, name))
                csv.WriteRecord([.. line.Select(x => x is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : x?.ToString())]);
        }
        return buffer.ToArray();
    }

    public static byte[] Workbook(AssessmentReport report, Func<string, string> name)
    {
        var rows = Lines(report, name).Select(line => Headers.Zip(line).ToDictionary(x => x.First, x => x.Second)).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows, sheetName: $"考核{report.From}至{report.To}");
        return buffer.ToArray();
    }
}
