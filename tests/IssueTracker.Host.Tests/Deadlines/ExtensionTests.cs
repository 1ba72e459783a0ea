using System.Net;
using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Tests.Deadlines;

/// <summary>Extensions (延期申请) against a controlled clock: an approval moves the real timers.</summary>
[Collection(ClockCollection.Name)]
public class ExtensionTests(ClockFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task An_approved_extension_moves_the_deadline_timers_and_the_old_ones_record_nothing()
    {
        var id = await _street.Raise();
        var dueBy = app.Clock.GetUtcNow().AddDays(3);
        (await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(dueBy: dueBy))).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);

        var extended = dueBy.AddDays(7);
        var asked = (await _street.Assignee.Post($"/api/issues/{id}/extension-requests", Bodies.Extension(extended)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        asked.Body.GetProperty("request").GetInt32().ShouldBe(1);
        asked.Body.GetProperty("id").GetGuid().ShouldBe(id);
        (await _street.Host.Post($"/api/issues/{id}/extension-requests/1/approve", new { note = "同意" })).ShouldHaveStatus(HttpStatusCode.OK);

        var details = (await _street.Host.Get($"/api/issues/{id}")).Body;
        details.GetProperty("dueBy").GetDateTimeOffset().ShouldBe(extended);
        var request = details.GetProperty("extensionRequest");
        request.GetProperty("number").GetInt32().ShouldBe(1);
        request.GetProperty("status").GetString().ShouldBe("approved");
        request.GetProperty("dueBy").GetDateTimeOffset().ShouldBe(extended);

        // The first due date and its escalation grace pass: their timers fire and find themselves stale.
        (await app.AdvanceAsync(TimeSpan.FromDays(5) + TimeSpan.FromHours(1))).ShouldBeGreaterThanOrEqualTo(2);
        (await Events(id)).ShouldNotContain(e => e is ResolutionOverdue || e is IssueEscalated);
        (await _street.Host.Get($"/api/issues/{id}")).Body.GetProperty("overdue").GetBoolean().ShouldBeFalse();

        // The extended due date passes: its own timer records the miss.
        (await app.AdvanceAsync(TimeSpan.FromDays(5))).ShouldBeGreaterThanOrEqualTo(1);
        (await Events(id)).OfType<ResolutionOverdue>().ShouldHaveSingleItem().DueBy.ShouldBe(extended);
    }

    [Fact]
    public async Task A_rejected_extension_keeps_the_due_date_and_its_timer()
    {
        var id = await _street.Raise();
        var dueBy = app.Clock.GetUtcNow().AddDays(3);
        (await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(dueBy: dueBy))).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Assignee.Post($"/api/issues/{id}/extension-requests", Bodies.Extension(dueBy.AddDays(7)))).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/issues/{id}/extension-requests/1/reject", new { note = "理由不足" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/issues/{id}/extension-requests/1/approve", new { })).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await _street.Host.Post($"/api/issues/{id}/extension-requests/2/approve", new { })).ShouldHaveStatus(HttpStatusCode.NotFound);

        await app.AdvanceAsync(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));

        (await Events(id)).OfType<ResolutionOverdue>().ShouldHaveSingleItem().DueBy.ShouldBe(dueBy);
        (await _street.Host.Get($"/api/issues/{id}")).Body.GetProperty("extensionRequest").GetProperty("status").GetString().ShouldBe("rejected");
    }

    private async Task<IReadOnlyList<object>> Events(Guid id) => (await _street.EventsOf(id)).Select(e => e.Data).ToList();
}
