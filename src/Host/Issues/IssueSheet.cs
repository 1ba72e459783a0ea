using System.Globalization;
using CsvHelper;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Host.Reports;
using IssueTracker.Projections.IssueDetails;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace IssueTracker.Host.Issues;

/// <summary>
/// Issues as a spreadsheet a street office files: one row each, Chinese headers and labels (the workbench's words),
/// organisation names from the directory, times in the street's time zone. Rows are written as they are read.
/// </summary>
public sealed class IssueSheet(IReadOnlyDictionary<string, string> names, TimeZoneInfo zone, DateTimeOffset now, bool privateData)
{
    public static readonly string[] Headers =
    [
        "编号", "标题", "类别", "状态", "紧急程度", "社区", "小区", "楼栋", "网格", "责任单位", "上报时间", "签收期限", "办结期限",
        "最近更新", "是否超期", "是否督办", "重新办理次数", "办理结果", "满意度", "反映人姓名", "联系方式"
    ];

    public static readonly IReadOnlyDictionary<IssueStatus, string> StatusLabels = new Dictionary<IssueStatus, string>
    {
        [IssueStatus.Raised] = "新上报", [IssueStatus.OnAgenda] = "已列入议程", [IssueStatus.Discussed] = "已议",
        [IssueStatus.Assigned] = "已派单", [IssueStatus.Acknowledged] = "已签收", [IssueStatus.InProgress] = "处理中",
        [IssueStatus.Resolved] = "已办结", [IssueStatus.Confirmed] = "已回访", [IssueStatus.Reopened] = "重新打开",
        [IssueStatus.Declined] = "已退回", [IssueStatus.Closed] = "已关闭", [IssueStatus.Withdrawn] = "已撤回", [IssueStatus.Duplicate] = "重复"
    };

    public static readonly IReadOnlyDictionary<IssueCategory, string> CategoryLabels = new Dictionary<IssueCategory, string>
    {
        [IssueCategory.Parking] = "停车", [IssueCategory.Repairs] = "漏水维修", [IssueCategory.Sanitation] = "环境卫生",
        [IssueCategory.Animals] = "动物家禽", [IssueCategory.Noise] = "噪音扰民", [IssueCategory.Safety] = "安全隐患",
        [IssueCategory.Property] = "物业管理", [IssueCategory.Greening] = "绿化", [IssueCategory.Other] = "其他"
    };

    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape
    };

    public string?[] Row(IssueDetails issue)
    {
        var shown = issue.AsOf(now);
        var reporter = privateData ? shown.Reporter : null;
        return
        [
            shown.Id.ToString(), shown.Title, CategoryLabels[shown.Category], StatusLabels[shown.Status],
            shown.Urgency == Urgency.Urgent ? "紧急" : "一般", shown.Location.Community, shown.Location.Compound, shown.Location.Building,
            shown.Location.Grid?.ToString(CultureInfo.InvariantCulture), names.NameOf(shown.Assignee) ?? shown.Assignee,
            Time(shown.RaisedAt), Time(shown.AcknowledgeBy), Time(shown.DueBy), Time(shown.UpdatedAt), shown.Overdue ? "是" : "否",
            shown.Escalated ? "是" : "否", shown.ReopenCount.ToString(CultureInfo.InvariantCulture), shown.Resolution,
            shown.Satisfaction switch
            {
                Satisfaction.Satisfied => "满意", Satisfaction.BasicallySatisfied => "基本满意", Satisfaction.Unsatisfied => "不满意", _ => null
            },
            reporter?.Name, reporter?.Contact
        ];
    }

    private string? Time(DateTimeOffset? time) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    public async Task WriteCsv(Stream destination, IAsyncEnumerable<IssueDetails> issues, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, CsvOptions, leaveOpen: true);
        csv.WriteHeader(Headers);
        await foreach (var issue in issues.WithCancellation(ct)) await csv.WriteRecordAsync(Row(issue), ct);
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// The workbook, into a temporary file that is deleted when the stream closes: the zip is written as the rows
    /// come, and the answer is then sent from disk, so that neither is held in memory.
    /// </summary>
    public async Task<Stream> Workbook(IAsyncEnumerable<IssueDetails> issues, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose);
        try
        {
            var rows = issues.ToBlockingEnumerable(ct).Select(issue => (IDictionary<string, object?>)Headers.Zip(Row(issue))
                .ToDictionary(x => x.First, x => (object?)x.Second));
            // MiniExcel writes synchronously: off the request's thread, from rows read one at a time.
            await Task.Run(() => file.SaveAs(rows, sheetName: "问题清单",
                configuration: new OpenXmlConfiguration { EnableAutoWidth = false, FastMode = false }), ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public const string Xlsx = AssessmentFiles.Xlsx;
}
