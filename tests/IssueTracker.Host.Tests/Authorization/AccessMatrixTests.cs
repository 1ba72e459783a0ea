using System.Net;
using IssueTracker.Host.Tests.Attachments;
using static System.Net.HttpStatusCode;

namespace IssueTracker.Host.Tests.Authorization;

/// <summary>
/// Every endpoint × every role, each on a fresh issue in the state the command needs, so the only reason for a
/// refusal is who is asking. Every refused write must leave the stream as it was.
/// </summary>
[Collection(AppCollection.Name)]
public class AccessMatrixTests(AppFixture app)
{
    public static readonly string[] Roles = ["host", "reporter", "assignee", "otherAssignee", "auditor", "admin", "anonymous"];

    private sealed record Endpoint(
        Func<Street, Task<Guid>> Arrange, Func<Street, Client, Guid, Task<Answer>> Act, bool Writes, params HttpStatusCode[] Expected);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> AgendaItems = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> Photos = new();

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["POST /api/issues"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Post("/api/issues", Bodies.ParkingLock()), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Created, Unauthorized),
        ["GET /api/issues/{id}"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/issues"] = new(Raised, (_, c, _) => c.Get("/api/issues"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["assign"] = new(Raised, Command("assign", Bodies.Assign()), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["acknowledge"] = new(Assigned, Command("acknowledge", new { note = "收到" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["decline"] = new(Assigned, Command("decline", new { reason = "不归本物业" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["progress"] = new(Acknowledged, Command("progress", new { note = "施工中" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["resolve"] = new(Acknowledged, Command("resolve", new { resolution = "已修复" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["extension-requests"] = new(Acknowledged, Command("extension-requests", Bodies.Extension()), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["extension-requests/1/approve"] = new(ExtensionRequested, Command("extension-requests/1/approve", new { note = "同意" }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["extension-requests/1/reject"] = new(ExtensionRequested, Command("extension-requests/1/reject", new { note = "不同意" }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["confirm"] = new(Resolved, Command("confirm", new { satisfaction = "satisfied" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["reopen"] = new(Resolved, Command("reopen", new { reason = "又坏了" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["close"] = new(Raised, Command("close", new { reason = "已协调解决" }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["withdraw"] = new(Raised, Command("withdraw", new { reason = "误报" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["duplicate"] = new(Raised, async (s, c, id) => await c.Post($"/api/issues/{id}/duplicate", new { of = await s.Raise() }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["comments"] = new(Assigned, Command("comments", new { text = "居民反映地锁又装上了" }), true,
            OK, OK, OK, Forbidden, Forbidden, OK, Unauthorized),
        ["GET /api/organisations"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Get("/api/organisations"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["POST /api/organisations"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Post("/api/organisations",
                new { id = "datonglu-pcs", name = "大通路派出所", kind = "police" }), false,
            Created, Forbidden, Forbidden, Forbidden, Forbidden, Created, Unauthorized),
        ["PUT /api/organisations/{id}"] = new(async s => { await s.List(Street.PropertyCompany); return Guid.Empty; },
            (_, c, _) => c.Send(HttpMethod.Put, $"/api/organisations/{Street.PropertyCompany}",
                System.Net.Http.Json.JsonContent.Create(new { name = "红色物业（明光）", kind = "propertyCompany" })), false,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["GET /api/issues/{id}/history"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}/history"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/issues/{id}/history?format=csv"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}/history?format=csv"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/issues/{id}/history (Accept: text/csv)"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}/history", ("Accept", "text/csv")), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/issues/export?format=csv"] = new(Raised, (_, c, _) => c.Get("/api/issues/export?format=csv"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/issues/export?format=xlsx"] = new(Raised, (_, c, _) => c.Get("/api/issues/export?format=xlsx&status=raised"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/issues/{id}/state"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}/state?version=1"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/issues/{id}/history/verify"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}/history/verify"), false,
            Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["POST /api/meetings"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Post("/api/meetings", Meetings.MeetingBodies.Schedule()), false,
            Created, Forbidden, Forbidden, Forbidden, Forbidden, Created, Unauthorized),
        ["GET /api/meetings/{id}"] = new(Scheduled, (_, c, id) => c.Get($"/api/meetings/{id}"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/meetings/{id}/minutes.docx"] = new(Scheduled, (_, c, id) => c.Get($"/api/meetings/{id}/minutes.docx"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/meetings"] = new(Scheduled, (_, c, _) => c.Get("/api/meetings"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["agenda"] = new(Scheduled, async (s, c, id) => await c.Post($"/api/meetings/{id}/agenda", new { issueId = await s.Raise() }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["attendance"] = new(Scheduled, (_, c, id) => c.Post($"/api/meetings/{id}/attendance",
                new { attendees = new[] { new { name = "王女士", role = "resident" } } }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["decisions"] = new(WithAgendaItem, (_, c, id) => c.Post($"/api/meetings/{id}/decisions", Meetings.MeetingBodies.Refer(AgendaItems[id])), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["conclude"] = new(Scheduled, (_, c, id) => c.Post($"/api/meetings/{id}/conclude", new { minutes = "议事结束" }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["POST /api/issues/{id}/attachments (report)"] = new(Raised, (_, c, id) => c.Attach(id, "report", Attachments.Uploads.Photos(1)), true,
            Created, Created, Forbidden, Forbidden, Forbidden, Created, Unauthorized),
        ["POST /api/issues/{id}/attachments (progress)"] = new(Acknowledged, (_, c, id) => c.Attach(id, "progress", Attachments.Uploads.Photos(1)), true,
            Created, Forbidden, Created, Forbidden, Forbidden, Created, Unauthorized),
        ["GET /api/issues/{id}/attachments/{attachmentId}"] = new(WithPhoto, (_, c, id) => c.Get($"/api/issues/{id}/attachments/{Photos[id]}"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/boards/status"] = new(Raised, (_, c, _) => c.Get("/api/boards/status?groupBy=community"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/boards/assignees/{org}"] = new(Assigned, (_, c, _) => c.Get($"/api/boards/assignees/{Street.PropertyCompany}"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/reports/assessment"] = new(Raised, (_, c, _) => c.Get("/api/reports/assessment?from=2026-11&to=2026-11"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/reports/assessment?format=xlsx"] = new(Raised,
            (_, c, _) => c.Get("/api/reports/assessment?from=2026-11&to=2026-11&format=xlsx"), false,
            OK, Forbidden, Forbidden, Forbidden, OK, OK, Unauthorized),
        ["GET /api/boards/overdue"] = new(Raised, (_, c, _) => c.Get("/api/boards/overdue"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["POST /api/boards/stream-ticket"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Post("/api/boards/stream-ticket", new { }), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/notifications"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Get("/api/notifications"), false,
            OK, Forbidden, OK, OK, Forbidden, OK, Unauthorized),
        // The notification is in 红色物业's inbox: hosts, admins and other organisations read other inboxes.
        ["POST /api/notifications/{id}/read"] = new(s => Notifications.NotificationRecords.Notification(s),
            (_, c, id) => c.Post($"/api/notifications/{id}/read", new { }), false,
            NotFound, Forbidden, OK, NotFound, Forbidden, NotFound, Unauthorized),
        ["GET /api/deliveries"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Get("/api/deliveries"), false,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["POST /api/deliveries/{id}/retry"] = new(Notifications.NotificationRecords.DeadLetter,
            (_, c, id) => c.Post($"/api/deliveries/{id}/retry", new { }), false,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
    };

    public static TheoryData<string, string> Cases() => AccessMatrix.Cases(Endpoints.Keys, Roles);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_what_the_contract_allows(string endpoint, string role)
    {
        var street = app.NewStreet();
        var definition = Endpoints[endpoint];
        var id = await definition.Arrange(street);
        var before = id == Guid.Empty ? 0 : (await street.EventsOf(id)).Count;
        var expected = definition.Expected[Array.IndexOf(Roles, role)];

        var answer = await definition.Act(street, ClientFor(street, role), id);

        await answer.ShouldBeAllowedExactly(expected, definition.Writes, street, id, before);
    }

    private static Client ClientFor(Street street, string role) => role switch
    {
        "host" => street.Host,
        "reporter" => street.Reporter,
        "assignee" => street.Assignee,
        "otherAssignee" => street.OtherAssignee,
        "auditor" => street.Auditor,
        "admin" => street.Admin,
        _ => street.Anonymous
    };

    private static Func<Street, Client, Guid, Task<Answer>> Command(string command, object body) =>
        (_, client, id) => client.Post($"/api/issues/{id}/{command}", body);

    private static Task<Guid> Raised(Street street) => street.Raise();

    private static Task<Guid> Scheduled(Street street) => Meetings.MeetingBodies.ScheduleMeeting(street);

    private static async Task<Guid> WithAgendaItem(Street street)
    {
        var meeting = await Scheduled(street);
        var issue = await street.Raise();
        await Meetings.MeetingBodies.PutOnAgenda(street, meeting, issue);
        AgendaItems[meeting] = issue;
        return meeting;
    }

    private static async Task<Guid> WithPhoto(Street street)
    {
        var id = await street.Raise();
        Photos[id] = (await street.Reporter.Attach(id, "report", Attachments.Uploads.Photos(1))).ShouldHaveStatus(Created)
            .Body.GetProperty("items")[0].GetProperty("id").GetGuid();
        return id;
    }

    private static async Task<Guid> Assigned(Street street)
    {
        var id = await street.Raise();
        (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(OK);
        return id;
    }

    private static async Task<Guid> Acknowledged(Street street)
    {
        var id = await Assigned(street);
        (await street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(OK);
        return id;
    }

    private static async Task<Guid> ExtensionRequested(Street street)
    {
        var id = await Acknowledged(street);
        (await street.Assignee.Post($"/api/issues/{id}/extension-requests", Bodies.Extension())).ShouldHaveStatus(OK);
        return id;
    }

    private static async Task<Guid> Resolved(Street street)
    {
        var id = await Acknowledged(street);
        (await street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "已修复" })).ShouldHaveStatus(OK);
        return id;
    }
}
