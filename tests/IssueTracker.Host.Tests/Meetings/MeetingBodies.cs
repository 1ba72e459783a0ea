using System.Net;

namespace IssueTracker.Host.Tests.Meetings;

/// <summary>Meeting request bodies as clients send them, and the steps that set a meeting up.</summary>
public static class MeetingBodies
{
    public const string PoliceStation = "大通路派出所";
    public const string AssignDecision = "由红色物业牵头拆除私装地锁";
    public const string ReferDecision = "移交派出所依法劝导，限期清理散养家禽";
    public const string NoActionDecision = "本次不另行处理";
    public const string NoActionReason = "已纳入老旧小区改造计划，由改造工程统一维修屋面";

    public static object Schedule(string community = "明光社区", DateTimeOffset? at = null) => new
    {
        title = "明光社区党群议事会（十一月）",
        community,
        scheduledAt = at ?? new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.FromHours(8)),
        place = "明光路街道党群服务中心"
    };

    public static object Assign(Guid issueId, DateTimeOffset? dueBy = null, string decision = AssignDecision,
        string? assignee = Street.PropertyCompany) =>
        new { issueId, decision, outcome = "assign", assignee, dueBy = dueBy ?? DateTimeOffset.UtcNow.AddDays(14) };

    public static object Refer(Guid issueId) =>
        new { issueId, decision = ReferDecision, outcome = "refer", referredTo = PoliceStation };

    public static object NoAction(Guid issueId) =>
        new { issueId, decision = NoActionDecision, outcome = "noAction", reason = NoActionReason };

    public static async Task<Guid> ScheduleMeeting(this Street street, object? body = null) =>
        (await street.Host.Post("/api/meetings", body ?? Schedule())).ShouldHaveStatus(HttpStatusCode.Created).Id;

    public static async Task PutOnAgenda(this Street street, Guid meetingId, Guid issueId) =>
        (await street.Host.Post($"/api/meetings/{meetingId}/agenda", new { issueId })).ShouldHaveStatus(HttpStatusCode.OK);

    public static async Task<long> StreamVersion(this Street street, Guid streamId) =>
        (await street.EventsOf(streamId)).Count;
}
