using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;
using static IssueTracker.Domain.Tests.Meetings.MeetingSamples;

namespace IssueTracker.Domain.Tests.Meetings;

public class MeetingRulesTests
{
    [Fact]
    public void Scheduling_needs_a_title_a_community_and_a_time()
    {
        var errors = FieldErrors(Meeting.Schedule(new ScheduleMeeting(" ", null, null, null), Host, Now));
        errors.Keys.ShouldBe(["title", "community", "scheduledAt"], ignoreOrder: true);

        var scheduled = Meeting.Schedule(new ScheduleMeeting(" 党群议事会 ", "明光社区", Now, "党群服务中心"), Host, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingScheduled>();
        scheduled.ShouldBe(new MeetingScheduled("党群议事会", "明光社区", Now, "党群服务中心", Host, Now));
        Meeting.Create(Guid.NewGuid(), scheduled).Status.ShouldBe(MeetingStatus.Scheduled);
    }

    [Fact]
    public void Putting_an_issue_on_the_agenda_moves_both_the_meeting_and_the_issue()
    {
        var meeting = Scheduled();
        var issue = IssueIn(IssueStatus.Raised);

        var decision = meeting.AddAgendaItem(new AddAgendaItem(issue.Id), issue, Host, Now);

        decision.ForMeeting.Events.ShouldHaveSingleItem().ShouldBe(new AgendaItemAdded(issue.Id, "明光小区地锁占道", Host, Now));
        decision.ForIssue.Events.ShouldHaveSingleItem().ShouldBe(new IssuePlacedOnAgenda(meeting.Id, meeting.Title, Host, Now));
        var placed = decision.ForIssue.Events.Aggregate(issue, Issue.Evolve);
        (placed.Status, placed.OnAgendaOf).ShouldBe((IssueStatus.OnAgenda, meeting.Id));
    }

    [Theory]
    [InlineData(IssueStatus.OnAgenda)]
    [InlineData(IssueStatus.Assigned)]
    [InlineData(IssueStatus.Resolved)]
    [InlineData(IssueStatus.Withdrawn)]
    public void An_issue_the_rules_keep_off_the_agenda_leaves_the_meeting_unchanged_too(IssueStatus status)
    {
        var decision = Scheduled().AddAgendaItem(new AddAgendaItem(Guid.NewGuid()), IssueIn(status), Host, Now);

        decision.Rejection.ShouldBeOfType<InvalidTransition>();
        decision.ForMeeting.Events.ShouldBeEmpty();
        decision.ForIssue.Events.ShouldBeEmpty();
    }

    [Fact]
    public void An_item_is_on_the_agenda_once()
    {
        var (meeting, _) = WithItem();
        var reraised = IssueIn(IssueStatus.Reopened) with { Id = meeting.Agenda[0] };

        meeting.AddAgendaItem(new AddAgendaItem(reraised.Id), reraised, Host, Now).Rejection.ShouldBeOfType<InvalidTransition>()
            .Detail.ShouldContain("already on this meeting's agenda");
    }

    [Fact]
    public void Attendance_names_each_person_with_a_role_and_adds_to_who_came()
    {
        var meeting = Scheduled();
        FieldErrors(meeting.RecordAttendance(new RecordAttendance([]), Host, Now)).ShouldContainKey("attendees");
        FieldErrors(meeting.RecordAttendance(new RecordAttendance(null), Host, Now)).ShouldContainKey("attendees");
        FieldErrors(meeting.RecordAttendance(new RecordAttendance([new(" ", AttendeeRole.Resident)]), Host, Now))
            .ShouldContainKey("attendees[0].name");
        FieldErrors(meeting.RecordAttendance(new RecordAttendance([new("王女士", AttendeeRole.Resident), new("张师傅", null)]), Host, Now))
            .ShouldContainKey("attendees[1].role");

        var recorded = meeting.RecordAttendance(new RecordAttendance(
            [new("王女士", AttendeeRole.Resident), new(" 周警官 ", AttendeeRole.Police)]), Host, Now);

        recorded.Events.ShouldHaveSingleItem().ShouldBeOfType<AttendanceRecorded>().Attendees
            .ShouldBe([new Attendee("王女士", AttendeeRole.Resident), new Attendee("周警官", AttendeeRole.Police)]);
    }

    [Fact]
    public void Concluding_needs_minutes()
    {
        FieldErrors(Scheduled().Conclude(new ConcludeMeeting("  "), Host, Now)).ShouldContainKey("minutes");

        var concluded = Scheduled().Conclude(new ConcludeMeeting("三项议题均已形成决议"), Host, Now);

        concluded.Events.ShouldHaveSingleItem().ShouldBe(new MeetingConcluded("三项议题均已形成决议", Host, Now));
        concluded.Events.Aggregate(Scheduled(), Meeting.Evolve).Status.ShouldBe(MeetingStatus.Concluded);
    }

    [Fact]
    public void Nothing_changes_a_concluded_meeting()
    {
        var (open, issue) = WithItem();
        var meeting = open with { Status = MeetingStatus.Concluded };
        var another = IssueIn(IssueStatus.Raised);

        meeting.AddAgendaItem(new AddAgendaItem(another.Id), another, Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        meeting.RecordAttendance(new RecordAttendance([new("王女士", AttendeeRole.Resident)]), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        meeting.RecordDecision(Assign(issue.Id), issue, false, Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        meeting.Conclude(new ConcludeMeeting("再次散会"), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void Replaying_a_meeting_gives_its_agenda_decisions_and_status()
    {
        var id = Guid.NewGuid();
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var meeting = Meeting.Replay(id,
        [
            new MeetingScheduled("党群议事会", "明光社区", Now, null, Host, Now),
            new AgendaItemAdded(first, "地锁", Host, Now), new AgendaItemAdded(second, "家禽", Host, Now),
            new DecisionRecorded(first, "拆除", DecisionOutcome.Assign, "hongse-wuye", Now.AddDays(7), null, null, null, Host, Now),
            new MeetingConcluded("散会", Host, Now)
        ])!;

        (meeting.Id, meeting.Title, meeting.Status).ShouldBe((id, "党群议事会", MeetingStatus.Concluded));
        meeting.Agenda.ShouldBe([first, second]);
        meeting.Decided.ShouldBe([first]);
    }

    internal static IReadOnlyDictionary<string, string[]> FieldErrors(Decision decision) =>
        decision.Rejection.ShouldBeOfType<InvalidInput>().Errors;

    internal static IReadOnlyDictionary<string, string[]> FieldErrors(JointDecision decision) =>
        decision.Rejection.ShouldBeOfType<InvalidInput>().Errors;
}
