using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

public class DeadlineRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    private static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly DeadlinePolicy Policy = new();

    private static Issue Raised(RaiseIssue? raise = null) =>
        Issue.Replay(Guid.NewGuid(), Issue.Raise(raise ?? Samples.ParkingLock(), Host, Now).Events)!;

    private static Issue Assigned(DateTimeOffset? dueBy = null, Issue? issue = null)
    {
        issue ??= Raised();
        return Apply(issue, issue.Supervise(issue.Assign(new AssignIssue("hongse-wuye", dueBy, null), Host, Now), Policy, Now));
    }

    private static Issue Apply(Issue issue, Decision decision) => decision.Events.Aggregate(issue, Issue.Evolve);

    private static CheckDeadline Acknowledgement(Issue issue) =>
        new(DeadlineKind.Acknowledgement, issue.Deadlines.Assignment, issue.Deadlines.AcknowledgeBy!.Value);

    private static CheckDeadline Resolution(Issue issue) =>
        new(DeadlineKind.Resolution, issue.Deadlines.Assignment, issue.Deadlines.DueBy!.Value);

    [Fact]
    public void An_assignment_gets_the_categorys_deadlines_when_no_due_date_is_given()
    {
        var parking = Assigned();
        parking.Deadlines.ShouldBe(new AssignmentDeadlines(1, Now.AddHours(24), Now.AddDays(7)));

        var urgentLeak = Assigned(issue: Raised(Samples.ParkingLock() with { Category = IssueCategory.Repairs, Urgency = Urgency.Urgent }));
        urgentLeak.Deadlines.AcknowledgeBy.ShouldBe(Now.AddHours(4));
        urgentLeak.Deadlines.DueBy.ShouldBe(Now.AddDays(2));

        Assigned(dueBy: Now.AddDays(30)).Deadlines.DueBy.ShouldBe(Now.AddDays(30));
    }

    [Fact]
    public void A_missed_acknowledgement_is_recorded_once()
    {
        var issue = Assigned();
        var late = Now.AddHours(25);

        var decision = issue.CheckDeadline(Acknowledgement(issue), late);

        decision.Events.ShouldBe([new AcknowledgementOverdue("hongse-wuye", Now.AddHours(24), Actor.System, late)]);
        Apply(issue, decision).CheckDeadline(Acknowledgement(issue), late.AddMinutes(1)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_timer_that_comes_early_records_nothing() =>
        Assigned().CheckDeadline(Acknowledgement(Assigned()), Now.AddHours(23)).Events.ShouldBeEmpty();

    [Fact]
    public void An_acknowledgement_in_time_makes_the_acknowledgement_timer_a_no_op()
    {
        var issue = Assigned();
        var acknowledged = Apply(issue, issue.Acknowledge(new AcknowledgeAssignment(null), Property, Now.AddHours(1)));

        acknowledged.CheckDeadline(Acknowledgement(issue), Now.AddHours(25)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_reassignment_makes_the_first_assignments_timers_no_ops()
    {
        var first = Assigned();
        var second = Assigned(issue: first);

        second.Deadlines.Assignment.ShouldBe(2);
        second.CheckDeadline(Acknowledgement(first), Now.AddDays(30)).Events.ShouldBeEmpty();
        second.CheckDeadline(Resolution(first), Now.AddDays(30)).Events.ShouldBeEmpty();
        second.CheckDeadline(Acknowledgement(second), Now.AddDays(30)).Events.Single().ShouldBeOfType<AcknowledgementOverdue>();
    }

    [Fact]
    public void A_resolution_makes_the_resolution_timer_a_no_op()
    {
        var issue = Acknowledged(Assigned());
        var resolved = Apply(issue, issue.Resolve(new ResolveIssue("已拆除"), Property, Now.AddDays(1)));

        resolved.CheckDeadline(Resolution(issue), Now.AddDays(8)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_late_resolution_records_the_missed_due_date_before_it()
    {
        var issue = Acknowledged(Assigned());
        var late = Now.AddDays(8);

        var decision = issue.Supervise(issue.Resolve(new ResolveIssue("已拆除"), Property, late), Policy, late);

        decision.Events.Select(e => e.GetType()).ShouldBe([typeof(ResolutionOverdue), typeof(IssueResolved)]);
    }

    [Fact]
    public void The_second_missed_deadline_escalates_to_the_street_leadership()
    {
        var issue = Assigned();
        issue = Apply(issue, issue.CheckDeadline(Acknowledgement(issue), Now.AddHours(25)));
        issue.Escalation.ShouldBeNull();
        issue = Acknowledged(issue);

        var decision = issue.CheckDeadline(Resolution(issue), Now.AddDays(7));

        decision.Events.Count.ShouldBe(2);
        decision.Events[0].ShouldBeOfType<ResolutionOverdue>();
        decision.Events[1].ShouldBe(new IssueEscalated(
            EscalationLevel.StreetLeadership, EscalationReason.SecondMissedDeadline, "hongse-wuye", Actor.System, Now.AddDays(7)));
    }

    [Fact]
    public void A_resolution_overdue_beyond_the_grace_escalates_once_and_a_further_escalation_goes_to_the_district()
    {
        var issue = Acknowledged(Assigned(issue: Apply(Raised(), Decision.Accept(
            new IssueEscalated(EscalationLevel.StreetLeadership, EscalationReason.RepeatedlyReopened, null, Actor.System, Now)))));
        issue = Apply(issue, issue.CheckDeadline(Resolution(issue), Now.AddDays(7)));
        var grace = new CheckDeadline(DeadlineKind.EscalationGrace, 1, Now.AddDays(9));

        var decision = issue.CheckDeadline(grace, Now.AddDays(9));

        decision.Events.Single().ShouldBeOfType<IssueEscalated>().ShouldSatisfyAllConditions(
            e => e.Level.ShouldBe(EscalationLevel.DistrictLeadership),
            e => e.Reason.ShouldBe(EscalationReason.LongOverdue));
        Apply(issue, decision).CheckDeadline(grace, Now.AddDays(9)).Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void The_reopen_that_reaches_the_threshold_escalates(int reopenCount, bool escalates)
    {
        var issue = new Issue(Guid.NewGuid(), IssueStatus.Resolved, "grid-12", "hongse-wuye", reopenCount - 1);

        var decision = issue.Supervise(issue.Reopen(new ReopenIssue("又坏了"), Host, Now), Policy, Now);

        decision.Events.OfType<IssueEscalated>().Any(e => e.Reason == EscalationReason.RepeatedlyReopened).ShouldBe(escalates);
    }

    [Fact]
    public void A_category_overrides_only_what_it_names()
    {
        var policy = new DeadlinePolicy { Categories = { [IssueCategory.Noise] = new CategoryDeadlines { Resolve = TimeSpan.FromDays(1) } } };

        policy.TermsFor(IssueCategory.Noise, Urgency.Normal).ShouldBe(new DeadlineTerms(TimeSpan.FromHours(24), TimeSpan.FromDays(1)));
        policy.TermsFor(IssueCategory.Noise, Urgency.Urgent).ShouldBe(new DeadlineTerms(TimeSpan.FromHours(4), TimeSpan.FromDays(1)));
        policy.TermsFor(IssueCategory.Other, Urgency.Urgent).ShouldBe(new DeadlineTerms(TimeSpan.FromHours(4), TimeSpan.FromDays(2)));
    }

    private static Issue Acknowledged(Issue issue) =>
        Apply(issue, issue.Acknowledge(new AcknowledgeAssignment(null), Property, Now.AddHours(1)));
}
