using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

/// <summary><see cref="Issue.Decide"/>: supervision on every decision, and the deadline checks of each new assignment.</summary>
public class DecideTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    private static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly DeadlinePolicy Policy = new();

    private static Issue Raised() => Issue.Replay(Guid.NewGuid(), Issue.Raise(Samples.ParkingLock(), Host, Now).Events)!;

    private static Issue Apply(Issue issue, Supervised decided) => decided.Decision.Events.Aggregate(issue, Issue.Evolve);

    [Fact]
    public void An_assignment_sets_its_three_checks_numbered_as_the_issue_numbers_it()
    {
        var issue = Raised();
        var first = issue.Decide(issue.Assign(new AssignIssue("hongse-wuye", Now.AddDays(3), null), Host, Now), Policy, Now);
        issue = Apply(issue, first);
        var second = issue.Decide(issue.Assign(new AssignIssue("jiedao-chengguan", null, null), Host, Now), Policy, Now);

        first.Deadlines.ShouldBe([
            new CheckDeadline(DeadlineKind.Acknowledgement, 1, Now.AddHours(24)),
            new CheckDeadline(DeadlineKind.Resolution, 1, Now.AddDays(3)),
            new CheckDeadline(DeadlineKind.EscalationGrace, 1, Now.AddDays(3) + Policy.EscalationGrace)
        ]);
        second.Deadlines.Select(x => x.Assignment).Distinct().ShouldBe([2]);
        Apply(issue, second).Deadlines.Checks(Policy).ShouldBe(second.Deadlines);
    }

    [Fact]
    public void A_decision_without_an_assignment_sets_no_checks()
    {
        var issue = Raised();
        issue.Decide(issue.Close(new CloseIssue("结案"), Host, Now), Policy, Now).Deadlines.ShouldBeEmpty();
        issue.Decide(issue.Acknowledge(new AcknowledgeAssignment(null), Property, Now), Policy, Now).Decision.IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public void Every_decision_is_supervised()
    {
        var issue = Raised();
        issue = Apply(issue, issue.Decide(issue.Assign(new AssignIssue("hongse-wuye", null, null), Host, Now), Policy, Now));
        var late = Now.AddDays(2);

        var acknowledged = issue.Decide(issue.Acknowledge(new AcknowledgeAssignment(null), Property, late), Policy, late);

        acknowledged.Decision.Events.Select(e => e.GetType()).ShouldBe([typeof(AcknowledgementOverdue), typeof(AssignmentAcknowledged)]);
    }
}
