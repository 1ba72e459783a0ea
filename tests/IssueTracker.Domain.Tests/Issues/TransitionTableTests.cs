using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;
using static IssueTracker.Domain.Issues.IssueStatus;

namespace IssueTracker.Domain.Tests.Issues;

/// <summary>
/// Every row of the transition table (README.md, "Issue lifecycle"; the rules are the decide functions in
/// src/Domain/Issues and the status each event leads to is <see cref="IssueStatuses.After"/>), for every status:
/// allowed exactly where the table says.
/// </summary>
public class TransitionTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    private static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly Guid Meeting = Guid.NewGuid();

    private static readonly IssueStatus[] NonTerminal =
        Enum.GetValues<IssueStatus>().Where(s => !s.IsTerminal()).ToArray();

    public static readonly Dictionary<string, (IssueStatus[] Allowed, IssueStatus After, Func<Issue, Decision> Decide)> Table = new()
    {
        ["assign"] = ([Raised, OnAgenda, Discussed, Declined, Reopened, Assigned, Acknowledged, InProgress], Assigned,
            i => i.Assign(new AssignIssue("hongse-wuye", Now.AddDays(7), "请尽快处理"), Host, Now)),
        ["acknowledge"] = ([Assigned, Reopened], Acknowledged,
            i => i.Acknowledge(new AcknowledgeAssignment(null), Property, Now)),
        ["decline"] = ([Assigned], Declined,
            i => i.Decline(new DeclineAssignment("不属于本物业管辖"), Property, Now)),
        ["progress"] = ([Acknowledged, InProgress], InProgress,
            i => i.ReportProgress(new ReportProgress("已联系车主"), Property, Now)),
        ["resolve"] = ([Acknowledged, InProgress], Resolved,
            i => i.Resolve(new ResolveIssue("地锁已拆除"), Property, Now)),
        ["confirm satisfied"] = ([Resolved], Confirmed,
            i => i.Confirm(new ConfirmResolution(Satisfaction.Satisfied, "满意"), Host, Now)),
        ["confirm basically satisfied"] = ([Resolved], Confirmed,
            i => i.Confirm(new ConfirmResolution(Satisfaction.BasicallySatisfied, null), Host, Now)),
        ["confirm unsatisfied"] = ([Resolved], Reopened,
            i => i.Confirm(new ConfirmResolution(Satisfaction.Unsatisfied, "地锁又装回来了"), Host, Now)),
        ["reopen"] = ([Resolved, Confirmed], Reopened,
            i => i.Reopen(new ReopenIssue("问题复发"), Host, Now)),
        ["place on agenda"] = ([Raised, Declined, Reopened], OnAgenda,
            i => i.PlaceOnAgenda(new PlaceOnAgenda(Meeting, "明光社区党群议事会"), Host, Now)),
        ["record decision"] = ([OnAgenda], Assigned,
            i => (i with { OnAgendaOf = Meeting }).SettleAtMeeting(new SettleAtMeeting(Meeting, new DecisionRecorded(
                i.Id, "由红色物业牵头拆除", DecisionOutcome.Assign, "hongse-wuye", Now.AddDays(7), null, null, null, Host, Now)), Host, Now)),
        ["close"] = (NonTerminal, Closed, i => i.Close(new CloseIssue("已处理完毕"), Host, Now)),
        ["withdraw"] = (NonTerminal, Withdrawn, i => i.Withdraw(new WithdrawIssue("居民撤回"), Host, Now)),
        ["duplicate"] = (NonTerminal, Duplicate,
            i => i.MarkDuplicate(new MarkDuplicate(Guid.NewGuid()), originalExists: true, Host, Now)),
    };

    public static TheoryData<string, IssueStatus> Cases()
    {
        var data = new TheoryData<string, IssueStatus>();
        foreach (var command in Table.Keys)
            foreach (var status in Enum.GetValues<IssueStatus>())
                data.Add(command, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_command_is_allowed_exactly_in_the_statuses_the_table_lists(string command, IssueStatus status)
    {
        var (allowed, after, decide) = Table[command];
        var issue = new Issue(Guid.NewGuid(), status, "reporter-1", "hongse-wuye", 0);

        var decision = decide(issue);

        if (allowed.Contains(status))
        {
            decision.IsAccepted.ShouldBeTrue($"{command} from {status}: {decision.Rejection}");
            decision.Events.Aggregate(issue, Issue.Evolve).Status.ShouldBe(after);
        }
        else
        {
            decision.Rejection.ShouldBeOfType<InvalidTransition>();
            decision.Events.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Raising_creates_an_issue_in_raised()
    {
        var decision = Issue.Raise(Samples.ParkingLock(), Host, Now);

        decision.IsAccepted.ShouldBeTrue();
        var raised = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<IssueRaised>();
        raised.By.ShouldBe(Host);
        raised.At.ShouldBe(Now);
        Issue.Create(Guid.NewGuid(), raised).Status.ShouldBe(Raised);
    }
}
