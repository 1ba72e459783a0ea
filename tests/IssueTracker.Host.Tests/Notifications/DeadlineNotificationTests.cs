using System.Net;
using System.Text.Json;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Notifications;
using IssueTracker.Host.Tests.Deadlines;
using Marten;

namespace IssueTracker.Host.Tests.Notifications;

/// <summary>Deadline warnings (75 %) and misses, on the deadline tests' controlled clock.</summary>
[Collection(ClockCollection.Name)]
public class DeadlineNotificationTests(ClockFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_organisation_is_warned_once_at_75_percent_of_its_acknowledgement_limit_and_told_when_it_is_missed()
    {
        var id = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{id}/assign", new { assignee = Street.PropertyCompany })).ShouldHaveStatus(HttpStatusCode.OK);
        await Eventually.Holds(async () => (await Inbox(id)).Any(n => Type(n) == "assigned"), "the assignment's notification");

        await app.AdvanceAsync(TimeSpan.FromHours(17));
        (await Inbox(id)).ShouldNotContain(n => Type(n) == "deadlineApproaching", "17 h of 24 h is not yet 75 %");

        await app.AdvanceAsync(TimeSpan.FromHours(2));
        await Eventually.Holds(async () => (await Inbox(id)).Any(n => Type(n) == "deadlineApproaching"), "the 75 % warning");
        var history = await _street.EventsOf(id);

        await app.AdvanceAsync(TimeSpan.FromHours(6));
        await Eventually.Holds(async () => (await Inbox(id)).Any(n => Type(n) == "deadlineMissed"), "the missed deadline");
        var inbox = await Inbox(id);
        inbox.Count(n => Type(n) == "deadlineApproaching").ShouldBe(1);
        inbox.First(n => Type(n) == "deadlineMissed").GetProperty("subject").GetString()!.ShouldStartWith("【已超期】");
        history.Select(e => e.EventTypeName).ShouldNotContain(name => name.Contains("approach", StringComparison.OrdinalIgnoreCase),
            "the warning is a notification only, not an event of the issue");
    }

    [Fact]
    public async Task An_acknowledgement_before_75_percent_means_no_warning()
    {
        var id = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{id}/assign", new { assignee = Street.PropertyCompany })).ShouldHaveStatus(HttpStatusCode.OK);
        await Eventually.Holds(async () => (await Inbox(id)).Any(n => Type(n) == "assigned"), "the assignment's notification");
        await app.AdvanceAsync(TimeSpan.FromHours(2));
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { note = "收到" })).ShouldHaveStatus(HttpStatusCode.OK);

        await app.AdvanceAsync(TimeSpan.FromHours(20));
        await Eventually.Holds(async () =>
        {
            await using var session = app.Store.QuerySession(_street.Id);
            return (await session.Query<DeadlineWarning>().Where(w => w.IssueId == id && w.Kind == DeadlineKind.Acknowledgement)
                .ToListAsync()).All(w => w.Done);
        }, "the warning settled by the sender");
        (await Inbox(id)).ShouldNotContain(n => Type(n) == "deadlineApproaching");
    }

    private static string? Type(JsonElement n) => n.GetProperty("type").GetString();

    private async Task<IReadOnlyList<JsonElement>> Inbox(Guid id) =>
        (await _street.Assignee.Get("/api/notifications?pageSize=200")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items")
        .EnumerateArray().Where(n => n.GetProperty("issueId").GetGuid() == id).ToList();
}
