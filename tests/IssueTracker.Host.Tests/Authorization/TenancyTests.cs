using System.Net;
using IssueTracker.Host.Tests.Attachments;


namespace IssueTracker.Host.Tests.Authorization;

/// <summary>Two streets with the same kind of data: neither can see or touch the other's.</summary>
[Collection(AppCollection.Name)]
public class TenancyTests(AppFixture app)
{
    private readonly Street _a = app.NewStreet();
    private readonly Street _b = app.NewStreet();

    [Fact]
    public async Task Every_read_and_write_on_another_streets_issue_is_404_and_changes_nothing()
    {
        await _a.Raise();
        var theirs = await _b.Raise();
        await _b.Host.Post($"/api/issues/{theirs}/assign", Bodies.Assign());
        var before = (await _b.EventsOf(theirs)).Count;

        (await _a.Host.Get($"/api/issues/{theirs}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Auditor.Get($"/api/issues/{theirs}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        foreach (var (client, command, body) in new (Client, string, object)[]
                 {
                     (_a.Host, "assign", Bodies.Assign()), (_a.Assignee, "acknowledge", new { }),
                     (_a.Assignee, "decline", new { reason = "x" }), (_a.Assignee, "progress", new { note = "x" }),
                     (_a.Assignee, "resolve", new { resolution = "x" }), (_a.Reporter, "confirm", new { satisfaction = "satisfied" }),
                     (_a.Reporter, "reopen", new { reason = "x" }), (_a.Host, "close", new { reason = "x" }),
                     (_a.Host, "withdraw", new { reason = "x" }), (_a.Host, "duplicate", new { of = theirs }),
                     (_a.Assignee, "extension-requests", Bodies.Extension()), (_a.Host, "extension-requests/1/approve", new { }),
                     (_a.Host, "extension-requests/1/reject", new { }),
                 })
        {
            (await client.Post($"/api/issues/{theirs}/{command}", body)).ShouldHaveStatus(HttpStatusCode.NotFound);
        }

        (await _b.EventsOf(theirs)).Count.ShouldBe(before);
        (await _b.Host.Get($"/api/issues/{theirs}")).ShouldHaveStatus(HttpStatusCode.OK).Text("status").ShouldBe("assigned");
    }

    [Fact]
    public async Task Another_streets_photos_can_be_neither_added_nor_read()
    {
        var theirs = await _b.Raise();
        var photo = (await _b.Reporter.Attach(theirs, "report", Attachments.Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created)
            .Body.GetProperty("items")[0].GetProperty("id").GetGuid();

        (await _a.Host.Attach(theirs, "report", Attachments.Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Host.Get($"/api/issues/{theirs}/attachments/{photo}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Host.Get($"/api/issues/{theirs}/attachments/{photo}?size=thumb")).ShouldHaveStatus(HttpStatusCode.NotFound);
        var ours = await _a.Raise();
        (await _a.Host.Get($"/api/issues/{ours}/attachments/{photo}")).ShouldHaveStatus(HttpStatusCode.NotFound);

        (await _b.EventsOf(theirs)).Count.ShouldBe(2);
        (await Attachments.Uploads.StoredFiles(_a.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Another_streets_notifications_and_deliveries_can_be_neither_read_nor_retried()
    {
        var theirs = await Notifications.NotificationRecords.Notification(_b);
        var theirHosts = await Notifications.NotificationRecords.Notification(_b, "hosts");
        var dead = await Notifications.NotificationRecords.DeadLetter(_b);
        await Notifications.NotificationRecords.Notification(_a);

        (await _a.Assignee.Post($"/api/notifications/{theirs}/read", new { })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Host.Post($"/api/notifications/{theirHosts}/read", new { })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Host.Post($"/api/deliveries/{dead}/retry", new { })).ShouldHaveStatus(HttpStatusCode.NotFound);
        var inbox = (await _a.Assignee.Get("/api/notifications")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        inbox.GetProperty("total").GetInt64().ShouldBe(1);
        inbox.GetProperty("items").EnumerateArray().ShouldNotContain(n => n.GetProperty("id").GetGuid() == theirs);
        (await _a.Host.Get("/api/notifications")).Body.GetProperty("total").GetInt64().ShouldBe(0);
        (await _a.Host.Get("/api/deliveries")).Body.GetProperty("items").GetArrayLength().ShouldBe(0);

        var after = (await _b.Host.Get("/api/deliveries?status=deadLettered")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items");
        after.EnumerateArray().ShouldContain(d => d.GetProperty("id").GetGuid() == dead, "the other street's retry changed nothing");
        (await _b.Assignee.Get("/api/notifications?unread=true")).Body.GetProperty("items").EnumerateArray()
            .ShouldContain(n => n.GetProperty("id").GetGuid() == theirs);
    }

    [Fact]
    public async Task Lists_show_only_the_callers_street()
    {
        var ours = await _a.Raise();
        await _b.Raise();
        await _b.Raise();

        var list = (await _a.Host.Get("/api/issues")).ShouldHaveStatus(HttpStatusCode.OK);

        list.Text("total").ShouldBe("1");
        list.Body.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(ours);
    }

    [Fact]
    public async Task Boards_count_only_the_callers_street()
    {
        var ours = await _a.Raise();
        await _a.Host.Post($"/api/issues/{ours}/assign", Bodies.Assign(dueBy: DateTimeOffset.UtcNow.AddMinutes(1)));
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var theirs = await _b.Raise();
            await _b.Host.Post($"/api/issues/{theirs}/assign", Bodies.Assign());
        }
        await Boards.BoardViews.CaughtUp(app);

        var board = (await _a.Host.Get("/api/boards/status?groupBy=community")).ShouldHaveStatus(HttpStatusCode.OK);
        board.Body.GetProperty("rows").GetArrayLength().ShouldBe(1);
        board.Body.GetProperty("rows")[0].GetProperty("total").GetInt32().ShouldBe(1);
        var queue = (await _a.Assignee.Get($"/api/boards/assignees/{Street.PropertyCompany}")).Body.GetProperty("items");
        queue.GetArrayLength().ShouldBe(1);
        queue[0].GetProperty("issueId").GetGuid().ShouldBe(ours);
        (await _a.Host.Get($"/api/issues/{ours}/history")).ShouldHaveStatus(HttpStatusCode.OK);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        var assessment = (await _a.Host.Get($"/api/reports/assessment?from={month}&to={month}")).Body.GetProperty("rows");
        assessment.GetArrayLength().ShouldBe(1);
        assessment[0].GetProperty("assigned").GetInt32().ShouldBe(1);
        foreach (var read in new[] { "history", "history?format=csv", "state?version=1", "history/verify" })
            (await _a.Auditor.Get($"/api/issues/{(await _b.Raise())}/{read}")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Exports_and_minutes_documents_hold_only_the_callers_street()
    {
        var ours = await _a.Raise();
        var theirs = await _b.Raise();

        var csv = await (await _a.Auditor.Get("/api/issues/export?format=csv")).ShouldHaveStatus(HttpStatusCode.OK).Response.Content.ReadAsStringAsync();
        csv.ShouldContain(ours.ToString());
        csv.ShouldNotContain(theirs.ToString());
        var meeting = (await _b.Host.Post("/api/meetings", Meetings.MeetingBodies.Schedule())).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await _a.Host.Get($"/api/meetings/{meeting}/minutes.docx")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Auditor.Get($"/api/issues/{theirs}/history", ("Accept", "text/csv"))).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stream_ticket_belongs_to_its_takers_street_whatever_the_request_names()
    {
        (await _b.Reporter.Post($"/api/boards/stream-ticket?street={_a.Id}", new { })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        var ticket = (await _b.Reporter.Post("/api/boards/stream-ticket", new { street = _a.Id })).ShouldHaveStatus(HttpStatusCode.OK).Text("ticket");
        await using (var session = app.Store.QuerySession())
            (await session.LoadAsync<IssueTracker.Host.Boards.StreamTicket>(ticket))!.Street.ShouldBe(_b.Id);

        using var client = app.Host.Server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        (await client.GetAsync($"/api/boards/stream?ticket={ticket}&street={_a.Id}", timeout.Token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var stream = await client.GetAsync($"/api/boards/stream?ticket={ticket}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        stream.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        (await reader.ReadLineAsync(timeout.Token)).ShouldBe("event: changed");

        // The ticket watches the street it was issued for: that street's change signals it.
        await _b.Raise();
        string? line;
        do line = await reader.ReadLineAsync(timeout.Token);
        while (line is not null && line != "event: changed");
        line.ShouldBe("event: changed");
    }

    [Fact]
    public async Task Marking_a_duplicate_of_another_streets_issue_is_refused()
    {
        var ours = await _a.Raise();
        var theirs = await _b.Raise();

        (await _a.Host.Post($"/api/issues/{ours}/duplicate", new { of = theirs })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _a.EventsOf(ours)).Count.ShouldBe(1);
    }
}
