using System.Text.Json;
using System.Text.Json.Nodes;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>Realistic request bodies (明光路街道's own cases), by command type, serialised as the API reads them.</summary>
internal static class RequestExamples
{
    private static readonly Guid SomeIssue = Guid.Parse("0195f3a2-7c41-7d2e-9a10-3b5c6d7e8f90");
    private static readonly DateTimeOffset Friday = new(2026, 12, 4, 17, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<Type, object> Bodies = new()
    {
        [typeof(RaiseIssue)] = new RaiseIssue("明光小区地锁占道", "3栋楼下有住户私装地锁，占用公共车位，消防通道也被堵。",
            IssueCategory.Parking, new Location("明光社区", "明光小区", "3栋", 12), new Reporter("王女士", "138****5678"),
            Urgency.Normal, []),
        [typeof(AssignIssue)] = new AssignIssue("hongse-wuye", Friday, "请红色物业牵头，联系业委会一并处理。"),
        [typeof(AcknowledgeAssignment)] = new AcknowledgeAssignment("已签收，明天上午到现场查看。"),
        [typeof(DeclineAssignment)] = new DeclineAssignment("该地块不在本物业管理范围，建议转城管。"),
        [typeof(ReportProgress)] = new ReportProgress("已与私装地锁的住户沟通，约定本周内自行拆除。"),
        [typeof(ResolveIssue)] = new ResolveIssue("地锁已全部拆除，车位恢复公共使用，已张贴停车公约。"),
        [typeof(ConfirmResolution)] = new ConfirmResolution(Satisfaction.Satisfied, "回访居民，反映车位已恢复。"),
        [typeof(ReopenIssue)] = new ReopenIssue("地锁拆除后又被重新安装。"),
        [typeof(CloseIssue)] = new CloseIssue("议事会决定不予处理：属业主私有车位。"),
        [typeof(WithdrawIssue)] = new WithdrawIssue("邻里已自行协商解决。"),
        [typeof(MarkDuplicate)] = new MarkDuplicate(SomeIssue),
        [typeof(ScheduleMeeting)] = new ScheduleMeeting("十二月党群议事会", "明光社区", Friday.AddDays(-2).AddHours(-2.5),
            "明光路街道党群服务中心二楼会议室"),
        [typeof(AddAgendaItem)] = new AddAgendaItem(SomeIssue),
        [typeof(RecordAttendance)] = new RecordAttendance([
            new AttendeeEntry("李主任", AttendeeRole.PartyMember), new AttendeeEntry("王女士", AttendeeRole.Resident),
            new AttendeeEntry("物业小张", AttendeeRole.PropertyCompany), new AttendeeEntry("大通路派出所片警", AttendeeRole.Police)]),
        [typeof(RecordDecision)] = new RecordDecision(SomeIssue, "由红色物业限期拆除私装地锁，社区网格员跟踪。",
            DecisionOutcome.Assign, "hongse-wuye", Friday, null, null, null),
        [typeof(ConcludeMeeting)] = new ConcludeMeeting("议定三项：地锁限期拆除；群力新村散养家禽由城管劝导；矿机二村漏水报维修基金。")
    };

    public static void Apply(OpenApiOperation operation, ApiDescription description)
    {
        var bodyType = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (bodyType is null) return;
        if (!Bodies.TryGetValue(bodyType, out var body) && !Volunteers.VolunteerExamples.Bodies.TryGetValue(bodyType, out body)) return;
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) is not true) return;
        media!.Example = JsonSerializer.SerializeToNode(body, bodyType, JsonDefaults.Options);
    }

    /// <summary>The command types that have an example (a test keeps every command endpoint's body in this list).</summary>
    public static IEnumerable<Type> Covered => Bodies.Keys.Concat(Volunteers.VolunteerExamples.Bodies.Keys);
}
