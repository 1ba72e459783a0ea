using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Bench;

/// <summary>
/// The command mix of both the direct and the HTTP run: each worker takes issues through raise, assign,
/// acknowledge, progress, resolve and confirm, then starts a new one.
/// </summary>
public static class Lifecycle
{
    public const int Steps = 6;
    public const string Org = "hongse-wuye";

    /// <summary>The status an issue has after each step (what the board must come to show).</summary>
    public static readonly IssueStatus[] StatusAfter =
    [
        IssueStatus.Raised, IssueStatus.Assigned, IssueStatus.Acknowledged, IssueStatus.InProgress, IssueStatus.Resolved,
        IssueStatus.Confirmed
    ];

    public static readonly Actor Reporter = new("bench-reporter", "刘网格员", Roles.Reporter, null);
    public static readonly Actor Host = new("bench-host", "李主任", Roles.Host, null);
    public static readonly Actor Assignee = new("bench-assignee", "物业小张", Roles.Assignee, Org);

    public static readonly string[] Communities = ["明光社区", "群力社区", "矿机社区", "新华社区", "东风社区"];

    public static RaiseIssue Raise(int n) => new(
        $"明光小区地锁占道 #{n}", "3栋楼下多个私装地锁占用消防通道，居民反映多次", IssueCategory.Parking,
        new Location(Communities[n % Communities.Length], "明光小区", "3栋", n % 40 + 1), new Reporter("王女士", "13800000000"),
        Urgency.Normal, []);

    /// <summary>The decision of step 1..5 on the fetched issue.</summary>
    public static Decision Decide(int step, Issue issue, DateTimeOffset now) => step switch
    {
        1 => issue.Assign(new AssignIssue(Org, now.AddDays(7), "请一周内处理"), Host, now),
        2 => issue.Acknowledge(new AcknowledgeAssignment("已收到"), Assignee, now),
        3 => issue.ReportProgress(new ReportProgress("已联系车主，约定周末拆除"), Assignee, now),
        4 => issue.Resolve(new ResolveIssue("地锁已全部拆除，通道畅通"), Assignee, now),
        _ => issue.Confirm(new ConfirmResolution(Satisfaction.Satisfied, "居民满意"), Reporter, now)
    };

    /// <summary>The same steps as HTTP requests: path suffix and body.</summary>
    public static (string Path, string Body) Request(int step, DateTimeOffset now) => step switch
    {
        1 => ("assign", $$"""{"assignee":"{{Org}}","dueBy":"{{now.AddDays(7):O}}","note":"请一周内处理"}"""),
        2 => ("acknowledge", """{"note":"已收到"}"""),
        3 => ("progress", """{"note":"已联系车主，约定周末拆除"}"""),
        4 => ("resolve", """{"resolution":"地锁已全部拆除，通道畅通"}"""),
        _ => ("confirm", """{"satisfaction":"satisfied","comment":"居民满意"}""")
    };
}
