using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;

namespace IssueTracker.Host.SignIn;

public sealed record DevPerson(string Sub, string Name, string Role, string? Org);

/// <summary>The demo street's people, one for each kind of work, for signing in without a provider in Development.</summary>
public static class DevPeople
{
    public static readonly DevPerson[] All =
    [
        new("dev-host-li", "李主任", Roles.Host, null),
        new("dev-reporter-wang", "王网格员", Roles.Reporter, null),
        new("dev-hongse-zhang", "张经理（红色物业）", Roles.Assignee, "hongse-wuye"),
        new("dev-datonglu-chen", "陈警官（大通路派出所）", Roles.Assignee, "datonglu-pcs"),
        new("dev-auditor-zhao", "赵审计", Roles.Auditor, null),
        new("dev-viewer-board", "大屏", "viewer", null),
        new("vol-zhang", "张小帮（志愿者）", VolunteerRoles.Volunteer, null),
        new("lead-shequ-xiaobangke", "社区小帮客队长", VolunteerRoles.TeamLeader, "shequ-xiaobangke")
    ];

    public static DevPerson? Find(string? sub) => All.FirstOrDefault(p => p.Sub == sub);
}
