using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Tests.Meetings;
using Wolverine;

namespace IssueTracker.Host.Tests.Deadlines;

/// <summary>
/// Deadlines against a controlled clock: the assign request schedules real durable timers, the test moves the clock and
/// lets Wolverine deliver the timers that are due by it (see <see cref="ClockFixture"/>); no test sleeps.
/// </summary>
[Collection(ClockCollection.Name)]
public class DeadlineTests(ClockFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task An_assignment_not_acknowledged_in_time_records_exactly_one_AcknowledgementOverdue()
    {
        var id = await AssignedIssue();

        (await app.AdvanceAsync(TimeSpan.FromHours(25))).ShouldBeGreaterThanOrEqualTo(1);
        await app.AdvanceAsync(TimeSpan.FromHours(1));

        var overdue = (await Events(id)).OfType<AcknowledgementOverdue>().ShouldHaveSingleItem();
        overdue.Assignee.ShouldBe(Street.PropertyCompany);
        overdue.By.Id.ShouldBe("system");
        var details = (await _street.Host.Get($"/api/issues/{id}")).Body;
        details.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        details.GetProperty("acknowledgeBy").GetDateTimeOffset().ShouldBe(overdue.AcknowledgeBy);
    }

    [Fact]
    public async Task A_timer_delivered_again_records_nothing_more()
    {
        var id = await AssignedIssue();
        await app.AdvanceAsync(TimeSpan.FromHours(25));
        var acknowledgeBy = (await Events(id)).OfType<AcknowledgementOverdue>().Single().AcknowledgeBy;

        await app.Host.MessageBus().InvokeForTenantAsync(_street.Id,
            new DeadlineDue(id, 1, DeadlineKind.Acknowledgement, acknowledgeBy));

        (await Events(id)).OfType<AcknowledgementOverdue>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task An_acknowledgement_in_time_records_no_overdue()
    {
        var id = await AssignedIssue();
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { note = "收到" })).ShouldHaveStatus(HttpStatusCode.OK);

        (await app.AdvanceAsync(TimeSpan.FromHours(23))).ShouldBeGreaterThanOrEqualTo(1);

        (await Events(id)).ShouldNotContain(e => e is AcknowledgementOverdue);
        (await _street.Host.Get($"/api/issues/{id}")).Body.GetProperty("overdue").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_reassignment_cancels_the_first_assignees_deadlines()
    {
        var id = await AssignedIssue();
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await _street.Host.Post($"/api/issues/{id}/assign", new { assignee = Street.OtherCompany })).ShouldHaveStatus(HttpStatusCode.OK);

        await app.AdvanceAsync(TimeSpan.FromHours(23));
        (await Events(id)).ShouldNotContain(e => e is AcknowledgementOverdue);

        await app.AdvanceAsync(TimeSpan.FromHours(2));
        (await Events(id)).OfType<AcknowledgementOverdue>().ShouldHaveSingleItem().Assignee.ShouldBe(Street.OtherCompany);
    }

    [Fact]
    public async Task A_resolution_after_the_due_date_comes_after_its_ResolutionOverdue()
    {
        var id = await AssignedIssue(dueIn: TimeSpan.FromDays(3));
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);

        await app.AdvanceAsync(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        (await _street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "地锁已拆除" })).ShouldHaveStatus(HttpStatusCode.OK);

        var types = (await Events(id)).Select(e => e.GetType()).ToList();
        types.Count(t => t == typeof(ResolutionOverdue)).ShouldBe(1);
        types.IndexOf(typeof(ResolutionOverdue)).ShouldBeLessThan(types.IndexOf(typeof(IssueResolved)));
        (await _street.Host.Get($"/api/issues/{id}")).Body.GetProperty("overdue").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_second_missed_deadline_escalates_the_issue_to_the_street_leadership()
    {
        var id = await AssignedIssue(dueIn: TimeSpan.FromDays(2));
        await app.AdvanceAsync(TimeSpan.FromHours(25));
        (await Events(id)).ShouldNotContain(e => e is IssueEscalated);
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);

        await app.AdvanceAsync(TimeSpan.FromDays(1));

        var escalated = (await Events(id)).OfType<IssueEscalated>().ShouldHaveSingleItem();
        escalated.Level.ShouldBe(EscalationLevel.StreetLeadership);
        escalated.Reason.ShouldBe(EscalationReason.SecondMissedDeadline);
        var details = (await _street.Host.Get($"/api/issues/{id}")).Body;
        details.GetProperty("escalated").GetBoolean().ShouldBeTrue();
        details.GetProperty("escalation").GetProperty("level").GetString().ShouldBe("streetLeadership");
        (await _street.Auditor.Get($"/api/issues/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_meetings_decision_to_assign_sets_the_same_timers()
    {
        var meeting = await _street.ScheduleMeeting();
        var id = await _street.Raise();
        await _street.PutOnAgenda(meeting, id);
        (await _street.Host.Post($"/api/meetings/{meeting}/decisions",
            MeetingBodies.Assign(id, app.Clock.GetUtcNow().AddDays(14)))).ShouldHaveStatus(HttpStatusCode.OK);

        await app.AdvanceAsync(TimeSpan.FromHours(25));

        (await Events(id)).OfType<AcknowledgementOverdue>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_second_reopening_escalates_the_issue()
    {
        var id = await AssignedIssue();
        foreach (var reopen in new[] { "confirm", "reopen" })
        {
            (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);
            (await _street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "已处理" })).ShouldHaveStatus(HttpStatusCode.OK);
            (await _street.Reporter.Post($"/api/issues/{id}/{reopen}", new { satisfaction = "unsatisfied", reason = "地锁又装回来了" }))
                .ShouldHaveStatus(HttpStatusCode.OK);
        }

        (await Events(id)).OfType<IssueEscalated>().ShouldHaveSingleItem().Reason.ShouldBe(EscalationReason.RepeatedlyReopened);
    }

    [Fact]
    public async Task A_deadline_scheduled_before_a_restart_fires_once_after_it()
    {
        var id = await AssignedIssue();

        await app.RestartAsync();
        (await app.AdvanceAsync(TimeSpan.FromHours(25))).ShouldBeGreaterThanOrEqualTo(1);

        (await Events(id)).OfType<AcknowledgementOverdue>().ShouldHaveSingleItem();
    }

    private async Task<Guid> AssignedIssue(TimeSpan? dueIn = null)
    {
        var id = await _street.Raise();
        var dueBy = app.Clock.GetUtcNow() + (dueIn ?? TimeSpan.FromDays(7));
        (await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(dueBy: dueBy))).ShouldHaveStatus(HttpStatusCode.OK);
        return id;
    }

    private async Task<IReadOnlyList<object>> Events(Guid id) => (await _street.EventsOf(id)).Select(e => e.Data).ToList();
}
