using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.MeetingMinutes;

namespace IssueTracker.Host.Meetings;

/// <summary>
/// The minutes (会议纪要) as the Word document a street office files: title, time, place, host, attendees by role,
/// each agenda item with its decision, the minutes text and a signature line. Built from minutes already made fit for
/// the reader (<see cref="AttendeePrivacy"/>): a resident without a name is counted, not named.
/// </summary>
public static class MinutesDocument
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly IReadOnlyDictionary<AttendeeRole, string> RoleLabels = new Dictionary<AttendeeRole, string>
    {
        [AttendeeRole.Resident] = "居民", [AttendeeRole.PartyMember] = "党员", [AttendeeRole.GridWorker] = "网格员",
        [AttendeeRole.PropertyCompany] = "物业公司", [AttendeeRole.Police] = "派出所", [AttendeeRole.Department] = "职能部门",
        [AttendeeRole.Other] = "其他"
    };

    private static readonly IReadOnlyDictionary<DecisionOutcome, string> OutcomeLabels = new Dictionary<DecisionOutcome, string>
    {
        [DecisionOutcome.Assign] = "派单", [DecisionOutcome.NoAction] = "不予处理", [DecisionOutcome.Refer] = "转交",
        [DecisionOutcome.Duplicate] = "重复"
    };

    public static byte[] Write(MeetingMinutes minutes, IReadOnlyDictionary<string, string> names, TimeZoneInfo zone)
    {
        string Time(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        var body = new Body();
        body.Append(Paragraph(minutes.Title, bold: true, size: 36, centred: true));
        body.Append(Paragraph("会议纪要", bold: true, size: 28, centred: true));
        body.Append(Paragraph($"时间：{Time(minutes.ScheduledAt)}"));
        body.Append(Paragraph($"地点：{minutes.Place ?? minutes.Community}"));
        body.Append(Paragraph($"社区：{minutes.Community}"));
        body.Append(Paragraph($"主持人：{minutes.Host}"));

        body.Append(Paragraph("参会人员", bold: true, size: 26));
        foreach (var group in minutes.Attendees.GroupBy(a => a.Role).OrderBy(g => g.Key))
        {
            var named = group.Where(a => !string.IsNullOrEmpty(a.Name)).Select(a => a.Name).ToList();
            var unnamed = group.Count() - named.Count;
            var shown = string.Join("、", named) + (unnamed > 0 ? $"{(named.Count > 0 ? "等" : "")}{group.Count()}人" : "");
            body.Append(Paragraph($"{RoleLabels[group.Key]}：{shown}"));
        }

        body.Append(Paragraph("议题与决定", bold: true, size: 26));
        var number = 0;
        foreach (var item in minutes.Agenda)
        {
            var decision = minutes.Decisions.LastOrDefault(d => d.IssueId == item.IssueId);
            body.Append(Paragraph($"{++number}. {item.Title}", bold: true));
            body.Append(Paragraph($"决定：{decision?.Decision ?? item.Decision ?? "未议"}"));
            if ((decision?.Outcome ?? item.Outcome) is { } outcome) body.Append(Paragraph($"结果：{OutcomeLabels[outcome]}"));
            if (decision?.Assignee is { } assignee) body.Append(Paragraph($"承办单位：{names.NameOf(assignee) ?? assignee}"));
            if (decision?.DueBy is { } due) body.Append(Paragraph($"办结期限：{Time(due)}"));
            if (decision?.ReferredTo is { } referred) body.Append(Paragraph($"转交：{referred}"));
        }

        if (minutes.Minutes is { Length: > 0 } text)
        {
            body.Append(Paragraph("纪要", bold: true, size: 26));
            foreach (var line in text.Split('\n')) body.Append(Paragraph(line.TrimEnd('\r')));
        }
        body.Append(Paragraph(""));
        body.Append(Paragraph("主持人（签字）：__________    记录人（签字）：__________    日期：__________"));

        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = minutes.Title;
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return buffer.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool centred = false)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = "SimSun" }, new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold) properties.Append(new Bold());
        var paragraph = new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (centred) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }
}
