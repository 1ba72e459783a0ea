using System.Security.Cryptography;
using System.Text;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Host.Demo;

/// <summary>
/// Writes the demo street through the same decide functions and deadline supervision the API uses. Stream ids are
/// derived from the street and the story's position, so a second run finds every issue present and appends nothing.
/// No timers run for seeded history, so the seeder fires them itself where they fall between the steps and up to now:
/// the board then shows the overdue work, escalations and on-time rates the events would have recorded.
/// </summary>
public static class DemoSeeder
{
    private static readonly Actor Host = new("host-li", "李主任", Roles.Host, null);

    public static async Task<int> SeedAsync(
        IDocumentStore store, string street, DateTimeOffset now, Action<string>? log = null, DeadlinePolicy? policy = null)
    {
        policy ??= new DeadlinePolicy();
        await using var session = store.LightweightSession(street);
        var ids = DemoStreet.Issues.Select((_, n) => IssueId(street, n)).ToArray();
        var meeting = new DemoMeeting(IssueId(street, -1), now);
        var added = 0;
        for (var n = 0; n < DemoStreet.Issues.Length; n++)
        {
            if (await session.Events.FetchStreamStateAsync(ids[n]) is not null) continue;
            session.Events.StartStream<Issue>(ids[n], Play(ids, n, DemoStreet.Issues[n], meeting, now, policy).ToArray());
            log?.Invoke($"  + {DemoStreet.Issues[n].Title}");
            added++;
        }
        if (added > 0 && await session.Events.FetchStreamStateAsync(meeting.Id) is null)
            session.Events.StartStream<Meeting>(meeting.Id, [.. meeting.Events]);
        await session.SaveChangesAsync();
        return added;
    }

    /// <summary>The street's last discussion meeting, which the stories' "agenda" and "decide" steps go through.</summary>
    private sealed class DemoMeeting
    {
        public DemoMeeting(Guid id, DateTimeOffset now)
        {
            Id = id;
            var scheduled = Accept(Meeting.Schedule(new ScheduleMeeting("明光路街道党群议事会（十一月）", "明光社区", now.AddDays(-1),
                "明光路街道党群服务中心"), Host, now.AddDays(-3)));
            State = Meeting.Create(id, (MeetingScheduled)scheduled[0]);
            Events.AddRange(scheduled);
        }

        public Guid Id { get; }
        public Meeting State { get; private set; }
        public List<object> Events { get; } = [];

        public List<object> Take(JointDecision decision)
        {
            var forMeeting = Accept(decision.ForMeeting);
            Events.AddRange(forMeeting);
            State = forMeeting.Aggregate(State, Meeting.Evolve);
            return Accept(decision.ForIssue);
        }
    }

    public static Guid IssueId(string street, int n) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"issuetracker-demo/{street}/{n}")));

    private static IEnumerable<object> Play(
        Guid[] ids, int n, DemoStreet.Story story, DemoMeeting meeting, DateTimeOffset now, DeadlinePolicy policy)
    {
        var step = TimeSpan.FromDays(story.DaysAgo / (story.Steps.Length + 1));
        var at = now - TimeSpan.FromDays(story.DaysAgo);
        var reporter = new Actor($"grid-{story.Grid:00}", $"{story.Grid}号网格员", Roles.Reporter, null);
        var location = new Location(story.Community, story.Compound, story.Building, story.Grid);
        var events = Accept(Issue.Raise(new RaiseIssue(story.Title, $"{story.Compound}居民在议事会上反映：{story.Title}。",
            story.Category, location, new Reporter("居民代表", null), story.Urgency, []), reporter, at));
        var issue = Issue.Replay(ids[n], events)!;
        var fired = new HashSet<(int, DeadlineKind)>();
        foreach (var command in story.Steps)
        {
            at += step;
            // Demo assignees acknowledge within the window (an hour before it closes) and miss only their due dates.
            var when = command == "ack" && issue.Status == IssueStatus.Assigned && issue.Deadlines.AcknowledgeBy is { } acknowledgeBy
                && acknowledgeBy.AddHours(-1) < at ? acknowledgeBy.AddHours(-1) : at;
            issue = FireTimers(issue, events, fired, when, policy);
            var parts = command.Split(':');
            var assignee = new Actor($"{issue.Assignee}-staff", DemoStreet.Organisations.GetValueOrDefault(issue.Assignee ?? "", "") + "工作人员", Roles.Assignee, issue.Assignee);
            if (parts[0] is "agenda" or "decide")
            {
                var joint = parts[0] == "agenda"
                    ? meeting.State.AddAgendaItem(new AddAgendaItem(ids[n]), issue, Host, at)
                    : meeting.State.RecordDecision(new RecordDecision(ids[n], "议事会决定交由物业限期处理", DecisionOutcome.Assign,
                        parts[1], now.AddDays(int.Parse(parts[2])), null, null, null), issue, false, Host, at);
                var moved = meeting.Take(joint with { ForIssue = issue.Decide(joint.ForIssue, policy, at).Decision });
                events.AddRange(moved);
                issue = moved.Aggregate(issue, Issue.Evolve);
                continue;
            }
            var decision = parts[0] switch
            {
                "assign" => issue.Assign(new AssignIssue(parts[1], at.AddDays(int.Parse(parts[2])), "议事会决定交办"), Host, at),
                "ack" => issue.Acknowledge(new AcknowledgeAssignment("收到，安排人员处理"), assignee, when),
                "decline" => issue.Decline(new DeclineAssignment("不属于本单位职责，请重新交办"), assignee, at),
                "progress" => issue.ReportProgress(new ReportProgress("已到现场查看，正在处理"), assignee, at),
                "resolve" => issue.Resolve(new ResolveIssue("已处理完毕，请居民确认"), assignee, at),
                "confirm" => issue.Confirm(new ConfirmResolution(Enum.Parse<Satisfaction>(parts[1], true), "回访意见"), reporter, at),
                "reopen" => issue.Reopen(new ReopenIssue("问题再次出现"), reporter, at),
                "close" => issue.Close(new CloseIssue("议事会决定：纳入街道统筹解决"), Host, at),
                "withdraw" => issue.Withdraw(new WithdrawIssue("居民已自行协商解决"), Host, at),
                "duplicate" => issue.MarkDuplicate(new MarkDuplicate(ids[int.Parse(parts[1])]), true, Host, at),
                _ => throw new InvalidOperationException($"Unknown demo step '{command}'.")
            };
            var happened = Accept(issue.Decide(decision, policy, when).Decision);
            events.AddRange(happened);
            issue = happened.Aggregate(issue, Issue.Evolve);
        }
        FireTimers(issue, events, fired, now, policy);
        return events;
    }

    /// <summary>
    /// Fires, once each and in time order, the current assignment's timers (<see cref="AssignmentDeadlines.Checks"/>, as the real timers are set) that are
    /// due by <paramref name="until"/>; a timer that finds its step done does nothing, as the real one would.
    /// </summary>
    public static Issue FireTimers(
        Issue issue, List<object> events, HashSet<(int, DeadlineKind)> fired, DateTimeOffset until, DeadlinePolicy policy)
    {
        foreach (var check in issue.Deadlines.Checks(policy).Where(x => x.DueAt <= until).OrderBy(x => x.DueAt).ToList())
        {
            if (!fired.Add((check.Assignment, check.Kind))) continue;
            var missed = Accept(issue.CheckDeadline(check, check.DueAt));
            events.AddRange(missed);
            issue = missed.Aggregate(issue, Issue.Evolve);
        }
        return issue;
    }

    private static List<object> Accept(Decision decision) => decision.Rejection is { } rejection
        ? throw new InvalidOperationException($"The demo story breaks a rule: {rejection}")
        : decision.Events.ToList();
}
