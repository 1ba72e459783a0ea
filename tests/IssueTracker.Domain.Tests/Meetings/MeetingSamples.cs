using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Meetings;

public static class MeetingSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 14, 30, 0, TimeSpan.FromHours(8));
    public static readonly Actor Host = new("host-li", "李主任", Roles.Host, null);

    public static Meeting Scheduled(params Guid[] agenda) =>
        new(Guid.NewGuid(), "明光社区党群议事会", MeetingStatus.Scheduled, agenda, []);

    public static Issue IssueIn(IssueStatus status, Guid? onAgendaOf = null, string title = "明光小区地锁占道") =>
        new Issue(Guid.NewGuid(), status, "grid-12", null, 0) { Title = title, OnAgendaOf = onAgendaOf };

    /// <summary>A meeting with the issue on its agenda, and the issue as that leaves it.</summary>
    public static (Meeting Meeting, Issue Issue) WithItem(string title = "明光小区地锁占道")
    {
        var issue = IssueIn(IssueStatus.Raised, title: title);
        var meeting = Scheduled();
        var decision = meeting.AddAgendaItem(new AddAgendaItem(issue.Id), issue, Host, Now);
        return (decision.ForMeeting.Events.Aggregate(meeting, Meeting.Evolve), decision.ForIssue.Events.Aggregate(issue, Issue.Evolve));
    }

    public static RecordDecision Assign(Guid issueId, string? assignee = "hongse-wuye", DateTimeOffset? dueBy = null) =>
        new(issueId, "由红色物业牵头拆除私装地锁", DecisionOutcome.Assign, assignee, dueBy ?? Now.AddDays(14), null, null, null);

    public static RecordDecision NoAction(Guid issueId, string? reason = "已纳入老旧小区改造计划") =>
        new(issueId, "本次不另行处理", DecisionOutcome.NoAction, null, null, reason, null, null);

    public static RecordDecision Refer(Guid issueId, string? to = "大通路派出所") =>
        new(issueId, "移交派出所依法劝导", DecisionOutcome.Refer, null, null, null, to, null);

    public static RecordDecision Duplicate(Guid issueId, Guid? of) =>
        new(issueId, "与此前议题重复", DecisionOutcome.Duplicate, null, null, null, null, of);
}
