using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

public class IssueRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    private static readonly Actor Reporter = new("grid-12", "网格员小陈", Roles.Reporter, null);
    private static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly Actor OtherProperty = new("wy-9", "别家物业", Roles.Assignee, "other-wuye");

    private static Issue In(IssueStatus status, string? assignee = "hongse-wuye", int reopenCount = 0) =>
        new(Guid.NewGuid(), status, Reporter.Id, assignee, reopenCount);

    [Theory]
    [InlineData(IssueStatus.Assigned)]
    [InlineData(IssueStatus.InProgress)]
    public void Only_the_organisation_it_is_assigned_to_may_act_on_an_assignment(IssueStatus status)
    {
        var issue = In(status);
        issue.Acknowledge(new AcknowledgeAssignment(null), OtherProperty, Now).Rejection.ShouldBeOfType<Forbidden>();
        issue.Decline(new DeclineAssignment("不归我们管"), OtherProperty, Now).Rejection.ShouldBeOfType<Forbidden>();
        issue.ReportProgress(new ReportProgress("进行中"), OtherProperty, Now).Rejection.ShouldBeOfType<Forbidden>();
        issue.Resolve(new ResolveIssue("已修好"), OtherProperty, Now).Rejection.ShouldBeOfType<Forbidden>();
    }

    [Fact]
    public void An_unassigned_issue_cannot_be_acknowledged_by_any_organisation() =>
        In(IssueStatus.Raised, assignee: null).Acknowledge(new AcknowledgeAssignment(null), Property, Now)
            .Rejection.ShouldBeOfType<Forbidden>();

    [Fact]
    public void A_declined_issue_waits_for_reassignment_and_forgets_its_assignee()
    {
        var decision = In(IssueStatus.Assigned).Decline(new DeclineAssignment("非本物业管理范围"), Property, Now);

        var after = decision.Events.Aggregate(In(IssueStatus.Assigned), Issue.Evolve);
        after.Status.ShouldBe(IssueStatus.Declined);
        after.Assignee.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Texts_the_rules_need_are_required(string? blank)
    {
        FieldErrors(In(IssueStatus.Assigned).Decline(new DeclineAssignment(blank), Property, Now)).ShouldContainKey("reason");
        FieldErrors(In(IssueStatus.InProgress).Resolve(new ResolveIssue(blank), Property, Now)).ShouldContainKey("resolution");
        FieldErrors(In(IssueStatus.InProgress).ReportProgress(new ReportProgress(blank), Property, Now)).ShouldContainKey("note");
        FieldErrors(In(IssueStatus.Resolved).Reopen(new ReopenIssue(blank), Reporter, Now)).ShouldContainKey("reason");
        FieldErrors(In(IssueStatus.Raised).Close(new CloseIssue(blank), Host, Now)).ShouldContainKey("reason");
        FieldErrors(In(IssueStatus.Raised).Assign(new AssignIssue(blank, null, null), Host, Now)).ShouldContainKey("assignee");
    }

    [Fact]
    public void A_confirmed_issue_closes_without_a_reason() =>
        In(IssueStatus.Confirmed).Close(new CloseIssue(null), Host, Now).IsAccepted.ShouldBeTrue();

    [Fact]
    public void An_unsatisfied_confirmation_reopens_and_counts_the_reopening()
    {
        var issue = In(IssueStatus.Resolved, reopenCount: 1);

        var decision = issue.Confirm(new ConfirmResolution(Satisfaction.Unsatisfied, "还在漏水"), Reporter, Now);

        decision.Events.Count.ShouldBe(2);
        decision.Events[1].ShouldBeOfType<IssueReopened>().ReopenCount.ShouldBe(2);
        decision.Events.Aggregate(issue, Issue.Evolve).ShouldSatisfyAllConditions(
            s => s.Status.ShouldBe(IssueStatus.Reopened),
            s => s.ReopenCount.ShouldBe(2),
            s => s.Assignee.ShouldBe("hongse-wuye"));
    }

    [Fact]
    public void A_reopened_issue_is_acknowledged_again_by_the_same_assignee_only()
    {
        In(IssueStatus.Reopened).Acknowledge(new AcknowledgeAssignment(null), Property, Now).IsAccepted.ShouldBeTrue();
        In(IssueStatus.Reopened).Acknowledge(new AcknowledgeAssignment(null), OtherProperty, Now).Rejection.ShouldBeOfType<Forbidden>();
    }

    [Fact]
    public void A_confirmation_needs_a_satisfaction() =>
        FieldErrors(In(IssueStatus.Resolved).Confirm(new ConfirmResolution(null, null), Host, Now)).ShouldContainKey("satisfaction");

    [Fact]
    public void Only_a_host_or_the_reporter_who_raised_it_may_withdraw()
    {
        var stranger = Reporter with { Id = "grid-99" };
        In(IssueStatus.Raised).Withdraw(new WithdrawIssue(null), stranger, Now).Rejection.ShouldBeOfType<Forbidden>();
        In(IssueStatus.Raised).Withdraw(new WithdrawIssue(null), Reporter, Now).IsAccepted.ShouldBeTrue();
        In(IssueStatus.Raised).Withdraw(new WithdrawIssue(null), Host, Now).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void A_duplicate_must_point_at_another_existing_issue()
    {
        var issue = In(IssueStatus.Raised);
        FieldErrors(issue.MarkDuplicate(new MarkDuplicate(null), false, Host, Now)).ShouldContainKey("of");
        FieldErrors(issue.MarkDuplicate(new MarkDuplicate(Guid.NewGuid()), false, Host, Now)).ShouldContainKey("of");
        FieldErrors(issue.MarkDuplicate(new MarkDuplicate(issue.Id), true, Host, Now)).ShouldContainKey("of");
    }

    [Fact]
    public void A_due_date_must_lie_in_the_future() =>
        FieldErrors(In(IssueStatus.Raised).Assign(new AssignIssue("hongse-wuye", Now.AddHours(-1), null), Host, Now))
            .ShouldContainKey("dueBy");

    [Fact]
    public void Nothing_changes_a_closed_issue()
    {
        var closed = In(IssueStatus.Closed);
        closed.Assign(new AssignIssue("hongse-wuye", null, null), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        closed.Reopen(new ReopenIssue("再看看"), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        closed.Close(new CloseIssue("again"), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        closed.Withdraw(new WithdrawIssue(null), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void Raising_checks_every_field()
    {
        var tooMany = Enumerable.Range(0, 11).Select(i => $"https://img.example/{i}.jpg").ToList();
        var errors = FieldErrors(Issue.Raise(new RaiseIssue(new string('x', 201), new string('d', 4001), null,
            new Location(" ", null, null, 0), null, null, tooMany), Reporter, Now));

        errors.Keys.ShouldBe(["title", "description", "category", "photoUrls", "location.community", "location.grid"],
            ignoreOrder: true);
        FieldErrors(Issue.Raise(Samples.ParkingLock() with { PhotoUrls = ["javascript:alert(1)"] }, Reporter, Now))
            .ShouldContainKey("photoUrls");
        FieldErrors(Issue.Raise(Samples.ParkingLock() with { Location = null }, Reporter, Now)).ShouldContainKey("location");
    }

    private static IReadOnlyDictionary<string, string[]> FieldErrors(Decision decision) =>
        decision.Rejection.ShouldBeOfType<InvalidInput>().Errors;
}
