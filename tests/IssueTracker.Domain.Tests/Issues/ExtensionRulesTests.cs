using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

public class ExtensionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    private static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly Actor Other = new("wy-2", "绿城物业", Roles.Assignee, "lvcheng-wuye");
    private static readonly DeadlinePolicy Policy = new();
    private static readonly DateTimeOffset DueBy = Now.AddDays(3);
    private static readonly DateTimeOffset Later = Now.AddDays(10);

    private static Issue Apply(Issue issue, Decision decision)
    {
        decision.Rejection.ShouldBeNull();
        return issue.Decide(decision, Policy, Now).Decision.Events.Aggregate(issue, Issue.Evolve);
    }

    private static Issue Acknowledged()
    {
        var issue = Issue.Replay(Guid.NewGuid(), Issue.Raise(Samples.ParkingLock(), Host, Now).Events)!;
        issue = Apply(issue, issue.Assign(new AssignIssue("hongse-wuye", DueBy, null), Host, Now));
        return Apply(issue, issue.Acknowledge(new AcknowledgeAssignment(null), Property, Now));
    }

    private static Issue Requested(DateTimeOffset? dueBy = null)
    {
        var issue = Acknowledged();
        return Apply(issue, issue.RequestExtension(new RequestExtension(dueBy ?? Later, "需要维修基金表决"), Property, Now));
    }

    [Fact]
    public void The_assignee_asks_for_a_later_date_and_the_request_is_numbered_from_one()
    {
        var issue = Acknowledged();
        var decision = issue.RequestExtension(new RequestExtension(Later, "需要维修基金表决"), Property, Now);

        var requested = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ExtensionRequested>();
        requested.Number.ShouldBe(1);
        requested.DueBy.ShouldBe(Later);
        requested.Assignee.ShouldBe("hongse-wuye");
        Apply(issue, decision).Extension.ShouldBe(new ExtensionRequest(1, 1, Later, "需要维修基金表决", ExtensionStatus.Pending));
    }

    [Fact]
    public void Only_the_assigned_organisation_may_ask()
    {
        Acknowledged().RequestExtension(new RequestExtension(Later, "r"), Other, Now).Rejection.ShouldBeOfType<Forbidden>();
    }

    [Fact]
    public void Asking_is_allowed_only_while_acknowledged_or_in_progress()
    {
        var issue = Issue.Replay(Guid.NewGuid(), Issue.Raise(Samples.ParkingLock(), Host, Now).Events)!;
        issue = Apply(issue, issue.Assign(new AssignIssue("hongse-wuye", DueBy, null), Host, Now));
        issue.RequestExtension(new RequestExtension(Later, "r"), Property, Now).Rejection.ShouldBeOfType<InvalidTransition>();

        var working = Apply(Acknowledged(), Acknowledged().ReportProgress(new ReportProgress("在办"), Property, Now));
        working.RequestExtension(new RequestExtension(Later, "r"), Property, Now).Rejection.ShouldBeNull();

        var resolved = Apply(working, working.Resolve(new ResolveIssue("已修复"), Property, Now));
        resolved.RequestExtension(new RequestExtension(Later, "r"), Property, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void The_date_must_be_later_than_the_current_due_date_and_a_reason_given()
    {
        var issue = Acknowledged();
        var errors = issue.RequestExtension(new RequestExtension(DueBy, " "), Property, Now).Rejection.ShouldBeOfType<InvalidInput>().Errors;
        errors.Keys.ShouldBe(["dueBy", "reason"], ignoreOrder: true);
        issue.RequestExtension(new RequestExtension(null, "r"), Property, Now).Rejection.ShouldBeOfType<InvalidInput>()
            .Errors.Keys.ShouldBe(["dueBy"]);
    }

    [Fact]
    public void A_second_request_waits_for_the_answer_to_the_first()
    {
        Requested().RequestExtension(new RequestExtension(Later.AddDays(1), "r"), Property, Now)
            .Rejection.ShouldBeOfType<InvalidTransition>().Detail.ShouldContain("waiting");
    }

    [Fact]
    public void An_approved_extension_is_once_per_assignment()
    {
        var issue = Requested();
        issue = Apply(issue, issue.ApproveExtension(1, new ReviewExtension("同意"), Host, Now));
        issue.RequestExtension(new RequestExtension(Later.AddDays(5), "r"), Property, Now)
            .Rejection.ShouldBeOfType<InvalidTransition>().Detail.ShouldContain("once");
    }

    [Fact]
    public void After_a_rejection_the_assignee_may_ask_again_and_the_date_stays()
    {
        var issue = Requested();
        issue = Apply(issue, issue.RejectExtension(1, new ReviewExtension("理由不充分"), Host, Now));
        issue.Deadlines.DueBy.ShouldBe(DueBy);
        issue.Extension!.Status.ShouldBe(ExtensionStatus.Rejected);

        var again = issue.RequestExtension(new RequestExtension(Later, "补充材料"), Property, Now);
        again.Events.ShouldHaveSingleItem().ShouldBeOfType<ExtensionRequested>().Number.ShouldBe(2);
    }

    [Fact]
    public void A_new_assignment_may_ask_again_after_an_approval()
    {
        var issue = Requested();
        issue = Apply(issue, issue.ApproveExtension(1, new ReviewExtension(null), Host, Now));
        issue = Apply(issue, issue.Assign(new AssignIssue("hongse-wuye", Later, null), Host, Now));
        issue = Apply(issue, issue.Acknowledge(new AcknowledgeAssignment(null), Property, Now));
        issue.RequestExtension(new RequestExtension(Later.AddDays(3), "r"), Property, Now).Rejection.ShouldBeNull();
    }

    [Fact]
    public void Approval_moves_the_due_date_and_sets_its_checks_again()
    {
        var issue = Requested();
        var decided = issue.Decide(issue.ApproveExtension(1, new ReviewExtension("同意"), Host, Now), Policy, Now);

        decided.Decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ExtensionApproved>().DueBy.ShouldBe(Later);
        decided.Deadlines.ShouldBe([
            new CheckDeadline(DeadlineKind.Resolution, 1, Later, Later),
            new CheckDeadline(DeadlineKind.EscalationGrace, 1, Later + Policy.EscalationGrace, Later)
        ]);
        var approved = decided.Decision.Events.Aggregate(issue, Issue.Evolve);
        approved.Deadlines.DueBy.ShouldBe(Later);
        approved.Extension!.Status.ShouldBe(ExtensionStatus.Approved);
    }

    [Fact]
    public void The_old_due_dates_checks_are_stale_after_approval()
    {
        var issue = Requested();
        issue = Apply(issue, issue.ApproveExtension(1, new ReviewExtension(null), Host, Now));

        issue.CheckDeadline(new CheckDeadline(DeadlineKind.Resolution, 1, DueBy), DueBy.AddHours(1)).Events.ShouldBeEmpty();
        issue.CheckDeadline(new CheckDeadline(DeadlineKind.EscalationGrace, 1, DueBy + Policy.EscalationGrace),
            DueBy + Policy.EscalationGrace).Events.ShouldBeEmpty();
        issue.CheckDeadline(new CheckDeadline(DeadlineKind.Resolution, 1, Later, Later), Later.AddHours(1))
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ResolutionOverdue>().DueBy.ShouldBe(Later);
    }

    [Fact]
    public void A_resolution_by_the_extended_date_is_on_time_even_after_the_old_date_was_missed()
    {
        var issue = Requested();
        issue = Apply(issue, issue.CheckDeadline(new CheckDeadline(DeadlineKind.Resolution, 1, DueBy), DueBy.AddHours(1)));
        issue.Deadlines.ResolutionMissed.ShouldBeTrue();

        issue = Apply(issue, issue.ApproveExtension(1, new ReviewExtension(null), Host, DueBy.AddHours(2)));
        var resolving = issue.Supervise(issue.Resolve(new ResolveIssue("已修复"), Property, Later.AddHours(-1)), Policy, Later.AddHours(-1));
        resolving.Events.ShouldHaveSingleItem().ShouldBeOfType<IssueResolved>().Assignee.ShouldBe("hongse-wuye");

        var late = issue.Supervise(issue.Resolve(new ResolveIssue("已修复"), Property, Later.AddHours(1)), Policy, Later.AddHours(1));
        // Late against the extended date too: the issue's second miss, so 督办 as well.
        late.Events.Select(e => e.GetType()).ShouldBe([typeof(ResolutionOverdue), typeof(IssueEscalated), typeof(IssueResolved)]);
    }

    [Fact]
    public void Only_the_pending_request_can_be_answered()
    {
        Requested().ApproveExtension(2, new ReviewExtension(null), Host, Now).Rejection.ShouldBeOfType<NoSuchRequest>();
        Acknowledged().RejectExtension(1, new ReviewExtension(null), Host, Now).Rejection.ShouldBeOfType<NoSuchRequest>();

        var issue = Requested();
        issue = Apply(issue, issue.RejectExtension(1, new ReviewExtension(null), Host, Now));
        issue.ApproveExtension(1, new ReviewExtension(null), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void A_request_lapses_when_its_assignment_ends()
    {
        var issue = Requested();
        issue = Apply(issue, issue.Resolve(new ResolveIssue("已修复"), Property, Now));
        issue.ApproveExtension(1, new ReviewExtension(null), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>()
            .Detail.ShouldContain("lapsed");
    }

    [Fact]
    public void Extension_events_leave_the_status_as_it_was()
    {
        var issue = Requested();
        issue.Status.ShouldBe(IssueStatus.Acknowledged);
        Apply(issue, issue.ApproveExtension(1, new ReviewExtension(null), Host, Now)).Status.ShouldBe(IssueStatus.Acknowledged);
    }
}
