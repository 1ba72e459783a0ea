using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;
using Marten;

namespace IssueTracker.Host.Tests.Meetings;

/// <summary>A decision lands on the meeting and the issue together, or on neither.</summary>
[Collection(AppCollection.Name)]
public class DecisionAtomicityTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_decision_on_an_issue_withdrawn_after_it_was_put_on_the_agenda_is_409_and_changes_neither_stream()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();
        await _street.PutOnAgenda(meeting, issue);
        (await _street.Reporter.Post($"/api/issues/{issue}/withdraw", new { reason = "业主已自行拆除" })).ShouldHaveStatus(HttpStatusCode.OK);

        var answer = await _street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(issue));

        answer.ShouldHaveStatus(HttpStatusCode.Conflict).ProblemType!.ShouldEndWith("invalid-transition");
        (await _street.StreamVersion(meeting)).ShouldBe(2);
        (await _street.StreamVersion(issue)).ShouldBe(3);
        (await _street.Host.Get($"/api/meetings/{meeting}")).Body.GetProperty("decisions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task When_another_host_moves_the_issue_while_the_decision_is_being_saved_the_whole_decision_is_409()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();
        await _street.PutOnAgenda(meeting, issue);
        var rival = new WithdrawJustBeforeTheDecisionIsSaved(app.Store, _street.Id, meeting, issue);
        var listeners = ((DocumentStore)app.Store).Options.Listeners;
        listeners.Add(rival);
        Answer answer;
        try
        {
            answer = await _street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(issue));
        }
        finally
        {
            listeners.Remove(rival);
        }

        rival.Fired.ShouldBeTrue();
        answer.ShouldHaveStatus(HttpStatusCode.Conflict).ProblemType.ShouldBe(Problems.TypePrefix + "concurrent-write");
        (await _street.EventsOf(meeting)).Select(e => e.Data.GetType()).ShouldBe([typeof(MeetingScheduled), typeof(AgendaItemAdded)]);
        (await _street.EventsOf(issue)).Select(e => e.Data.GetType())
            .ShouldBe([typeof(IssueRaised), typeof(IssuePlacedOnAgenda), typeof(IssueWithdrawn)]);
        (await _street.Host.Get($"/api/issues/{issue}")).Text("status").ShouldBe("withdrawn");
        (await _street.Host.Get($"/api/meetings/{meeting}")).Body.GetProperty("decisions").GetArrayLength().ShouldBe(0);
    }

    /// <summary>
    /// Plays the other host: when the decision's session is about to commit, withdraws the issue in a session of its
    /// own, so the decision's append to the issue stream meets a version it did not read.
    /// </summary>
    private sealed class WithdrawJustBeforeTheDecisionIsSaved(IDocumentStore store, string street, Guid meeting, Guid issue)
        : DocumentSessionListenerBase
    {
        public bool Fired { get; private set; }

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            var deciding = session.PendingChanges.Streams()
                .Any(s => s.Id == meeting && s.Events.Any(e => e.Data is DecisionRecorded));
            if (!deciding || Fired) return;
            Fired = true;

            await using var other = store.LightweightSession(street);
            other.Events.Append(issue, new IssueWithdrawn("另一位主持人撤回", new Actor("host-wu", "吴主任", Roles.Host, null), DateTimeOffset.UtcNow));
            await other.SaveChangesAsync(token);
        }
    }
}
