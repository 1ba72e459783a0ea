using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Projections.Tests;

/// <summary>One issue's events, built through the Domain's decide functions as the endpoints build them.</summary>
public static class Story
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    public static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    public static readonly DeadlinePolicy Policy = new();

    public static IssueRaised Raised(DateTimeOffset at) => (IssueRaised)Issue.Raise(new RaiseIssue(
        "明光小区地锁占道", "3栋楼下多个地锁占用消防通道", IssueCategory.Parking, new Location("明光社区", "明光小区", "3栋", 12),
        new Reporter("王女士", "13800000000"), Urgency.Normal, []), Host, at).Events[0];

    /// <summary>Raised, assigned, acknowledged, resolved, rated unsatisfied (reopened), acknowledged again, closed.</summary>
    public static IReadOnlyList<object> Lifecycle(Guid id)
    {
        var events = new List<object> { Raised(Start) };
        var issue = Issue.Replay(id, events)!;
        var at = Start;
        foreach (var step in new Func<Issue, DateTimeOffset, Decision>[]
        {
            (i, now) => i.Assign(new AssignIssue("hongse-wuye", now.AddDays(3), null), Host, now),
            (i, now) => i.Acknowledge(new AcknowledgeAssignment(null), Property, now),
            (i, now) => i.ReportProgress(new ReportProgress("已联系车主"), Property, now),
            (i, now) => i.Resolve(new ResolveIssue("地锁已拆除"), Property, now),
            (i, now) => i.Confirm(new ConfirmResolution(Satisfaction.Unsatisfied, "又装回来了"), Host, now),
            (i, now) => i.Acknowledge(new AcknowledgeAssignment(null), Property, now),
            (i, now) => i.Close(new CloseIssue("议事会决定结案"), Host, now)
        })
        {
            at = at.AddHours(1);
            var decided = issue.Decide(step(issue, at), Policy, at).Decision;
            decided.IsAccepted.ShouldBeTrue(decided.Rejection?.Detail);
            events.AddRange(decided.Events);
            issue = decided.Events.Aggregate(issue, Issue.Evolve);
        }
        return events;
    }
}
