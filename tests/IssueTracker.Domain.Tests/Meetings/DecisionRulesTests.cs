using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;
using static IssueTracker.Domain.Tests.Meetings.MeetingRulesTests;
using static IssueTracker.Domain.Tests.Meetings.MeetingSamples;

namespace IssueTracker.Domain.Tests.Meetings;

public class DecisionRulesTests
{
    [Fact]
    public void Assigning_records_the_decision_and_moves_the_issue_through_discussed_to_assigned()
    {
        var (meeting, issue) = WithItem();

        var decision = meeting.RecordDecision(Assign(issue.Id), issue, false, Host, Now);

        decision.ForMeeting.Events.ShouldHaveSingleItem().ShouldBe(new DecisionRecorded(
            issue.Id, "由红色物业牵头拆除私装地锁", DecisionOutcome.Assign, "hongse-wuye", Now.AddDays(14), null, null, null, Host, Now));
        decision.ForIssue.Events.ShouldBe(
        [
            new IssueDiscussed(meeting.Id, "由红色物业牵头拆除私装地锁", Host, Now),
            new IssueAssigned("hongse-wuye", Now.AddDays(14), "由红色物业牵头拆除私装地锁", Host, Now)
        ]);
        decision.ForIssue.Events.Aggregate(issue, Issue.Evolve).Status.ShouldBe(IssueStatus.Assigned);
        decision.ForMeeting.Events.Aggregate(meeting, Meeting.Evolve).Decided.ShouldBe([issue.Id]);
    }

    [Fact]
    public void No_action_and_referral_close_the_issue_with_the_reason_and_where_it_went()
    {
        var (meeting, issue) = WithItem();

        var noAction = meeting.RecordDecision(NoAction(issue.Id), issue, false, Host, Now);
        var referred = meeting.RecordDecision(Refer(issue.Id), issue, false, Host, Now);

        noAction.ForIssue.Events[1].ShouldBe(new IssueClosed(CloseOutcome.NoAction, "已纳入老旧小区改造计划", null, Host, Now));
        referred.ForIssue.Events[1].ShouldBe(new IssueClosed(CloseOutcome.Referred, "移交派出所依法劝导", "大通路派出所", Host, Now));
        referred.ForMeeting.Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionRecorded>().ReferredTo.ShouldBe("大通路派出所");
        noAction.ForIssue.Events.Aggregate(issue, Issue.Evolve).Status.ShouldBe(IssueStatus.Closed);
    }

    [Fact]
    public void A_duplicate_points_at_another_existing_issue()
    {
        var (meeting, issue) = WithItem();
        var original = Guid.NewGuid();

        FieldErrors(meeting.RecordDecision(Duplicate(issue.Id, null), issue, false, Host, Now)).ShouldContainKey("duplicateOf");
        FieldErrors(meeting.RecordDecision(Duplicate(issue.Id, original), issue, originalExists: false, Host, Now)).ShouldContainKey("duplicateOf");
        FieldErrors(meeting.RecordDecision(Duplicate(issue.Id, issue.Id), issue, originalExists: true, Host, Now)).ShouldContainKey("duplicateOf");

        var decision = meeting.RecordDecision(Duplicate(issue.Id, original), issue, originalExists: true, Host, Now);

        decision.ForIssue.Events[1].ShouldBe(new IssueMarkedDuplicate(original, Host, Now));
        decision.ForIssue.Events.Aggregate(issue, Issue.Evolve).Status.ShouldBe(IssueStatus.Duplicate);
    }

    [Fact]
    public void Each_outcome_needs_its_own_fields_and_every_decision_needs_a_text()
    {
        var (meeting, issue) = WithItem();
        IReadOnlyDictionary<string, string[]> Decide(RecordDecision command) => FieldErrors(meeting.RecordDecision(command, issue, true, Host, Now));

        Decide(Assign(issue.Id) with { Decision = " " }).ShouldContainKey("decision");
        Decide(Assign(issue.Id) with { Outcome = null }).ShouldContainKey("outcome");
        Decide(Assign(issue.Id) with { Outcome = (DecisionOutcome)42 }).ShouldContainKey("outcome");
        Decide(Assign(issue.Id, assignee: null)).ShouldContainKey("assignee");
        Decide(Assign(issue.Id) with { DueBy = null }).ShouldContainKey("dueBy");
        Decide(Assign(issue.Id, dueBy: Now.AddHours(-1))).ShouldContainKey("dueBy");
        Decide(NoAction(issue.Id, reason: "")).ShouldContainKey("reason");
        Decide(Refer(issue.Id, to: null)).ShouldContainKey("referredTo");
    }

    [Fact]
    public void Deciding_an_item_that_is_not_on_the_agenda_is_an_invalid_transition()
    {
        var meeting = Scheduled();
        var issue = IssueIn(IssueStatus.OnAgenda, onAgendaOf: Guid.NewGuid());

        meeting.RecordDecision(Assign(issue.Id), issue, false, Host, Now).Rejection.ShouldBeOfType<InvalidTransition>()
            .Detail.ShouldContain("not on this meeting's agenda");
    }

    [Fact]
    public void An_item_gets_at_most_one_decision()
    {
        var (meeting, issue) = WithItem();
        var first = meeting.RecordDecision(NoAction(issue.Id), issue, false, Host, Now);
        var decided = first.ForMeeting.Events.Aggregate(meeting, Meeting.Evolve);

        var second = decided.RecordDecision(Assign(issue.Id), issue, false, Host, Now);

        second.Rejection.ShouldBeOfType<InvalidTransition>().Detail.ShouldContain("already has a decision");
        second.ForMeeting.Events.ShouldBeEmpty();
        second.ForIssue.Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(IssueStatus.Withdrawn)]
    [InlineData(IssueStatus.Assigned)]
    [InlineData(IssueStatus.Closed)]
    public void When_the_issue_has_moved_on_the_whole_decision_is_rejected(IssueStatus movedTo)
    {
        var (meeting, issue) = WithItem();

        var decision = meeting.RecordDecision(Assign(issue.Id), issue with { Status = movedTo }, false, Host, Now);

        decision.Rejection.ShouldBeOfType<InvalidTransition>();
        decision.ForMeeting.Events.ShouldBeEmpty();
        decision.ForIssue.Events.ShouldBeEmpty();
    }

    [Fact]
    public void An_issue_on_another_meetings_agenda_is_not_decided_here()
    {
        var (meeting, issue) = WithItem();

        var decision = meeting.RecordDecision(Assign(issue.Id), issue with { OnAgendaOf = Guid.NewGuid() }, false, Host, Now);

        decision.Rejection.ShouldBeOfType<InvalidTransition>().Detail.ShouldContain("another meeting's agenda");
        decision.ForMeeting.Events.ShouldBeEmpty();
    }

    private sealed class FieldErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        public void ShouldContain(string field) => errors.ShouldContainKey(field);
    }
}
