namespace IssueTracker.Host.Notifications;

/// <summary>The subject and body of a notice, Chinese first (English by <c>Notifications:Language</c>), with the issue's link.</summary>
public sealed record NoticeText(string Subject, string Body)
{
    public static NoticeText For(Notice notice, NotificationOptions options)
    {
        var link = options.LinkTo(notice.IssueId);
        var d = notice.Data;
        string V(string key) => d.TryGetValue(key, out var v) && v is not null ? v : "";
        var t = notice.Title;
        var (subject, line) = options.English
            ? notice.Type switch
            {
                NoticeType.Assigned => ($"New assignment: {t}", $"The issue \"{t}\" is assigned to you. Due by {V("dueBy")}."),
                NoticeType.DeadlineApproaching => ($"Deadline approaching: {t}", $"The {V("deadline")} deadline of \"{t}\" is {V("dueAt")}."),
                NoticeType.DeadlineMissed => ($"Deadline missed: {t}", $"The {V("deadline")} deadline of \"{t}\" ({V("dueAt")}) has passed."),
                NoticeType.Escalated => ($"Escalated (supervision): {t}", $"\"{t}\" is escalated to {V("level")} ({V("reason")})."),
                NoticeType.Declined => ($"Assignment declined: {t}", $"{V("assignee")} handed back \"{t}\": {V("reason")}. It waits for reassignment."),
                NoticeType.Resolved => ($"Resolved: {t}", $"\"{t}\" is reported resolved: {V("resolution")}. Please confirm with the resident."),
                NoticeType.MeetingScheduled => ($"On a meeting's agenda: {t}", $"\"{t}\" is on the agenda of the meeting \"{V("meeting")}\"."),
                _ => (t, t)
            }
            : notice.Type switch
            {
                NoticeType.Assigned => ($"【新交办】{t}", $"事项「{t}」已交办给贵单位，办结时限：{V("dueBy")}。"),
                NoticeType.DeadlineApproaching => ($"【即将到期】{t}", $"事项「{t}」的{Zh(V("deadline"))}时限将于 {V("dueAt")} 到期。"),
                NoticeType.DeadlineMissed => ($"【已超期】{t}", $"事项「{t}」的{Zh(V("deadline"))}时限（{V("dueAt")}）已过。"),
                NoticeType.Escalated => ($"【督办】{t}", $"事项「{t}」已提请{(V("level") == "districtLeadership" ? "区级领导" : "街道领导")}督办。"),
                NoticeType.Declined => ($"【退回】{t}", $"{V("assignee")} 退回了事项「{t}」：{V("reason")}。请重新交办。"),
                NoticeType.Resolved => ($"【已办结】{t}", $"事项「{t}」已办结：{V("resolution")}。请回访确认。"),
                NoticeType.MeetingScheduled => ($"【议事安排】{t}", $"事项「{t}」已列入议事会「{V("meeting")}」的议程。"),
                _ => (t, t)
            };
        return new(subject, $"{line}\n{link}");
    }

    private static string Zh(string deadline) => deadline == "acknowledgement" ? "签收" : "办结";
}
