using System.Net;
using System.Xml.Linq;
using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Tests.Open311;

[Collection(Open311Collection.Name)]
public class ServiceRequestUpdateTests(Open311Fixture app)
{
    private readonly FacadeClient _client = app.NewClient();

    private static string W3C(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:sszzz");

    private async Task<List<XElement>> Updates(DateTimeOffset from, FacadeClient? client = null)
    {
        client ??= _client;
        var reply = await client.Get("/servicerequestupdates.xml", ("api_key", client.Key),
            ("start_date", from.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz")), ("end_date", W3C(DateTimeOffset.UtcNow.AddMinutes(1))));
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.Xml.Root!.Name.LocalName.ShouldBe("service_requests_updates");
        return [.. reply.Xml.Root.Elements("request_update")];
    }

    private async Task Resolve(Guid id)
    {
        var street = _client.Street;
        (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);
        (await street.Assignee.Post($"/api/issues/{id}/acknowledge", new { note = "已签收，明天上门" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await street.Assignee.Post($"/api/issues/{id}/progress", new { note = "已联系车主" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "地锁已拆除" })).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_goes_through_the_lifecycle_in_the_api_and_its_updates_follow_in_order()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = await _client.Raise();
        await Resolve(id);

        var updates = await Updates(from);
        updates.Select(u => u.Element("status")!.Value).ShouldBe(["action_scheduled", "in_progress", "in_progress", "fixed"]);
        updates.Select(u => u.Element("description")!.Value).ShouldBe(["请一周内处理", "已签收，明天上门", "已联系车主", "地锁已拆除"]);
        updates.ShouldAllBe(u => u.Element("service_request_id")!.Value == id.ToString());
        updates[0].Elements().Select(e => e.Name.LocalName)
            .ShouldBe(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"]);
        var events = await _client.Street.EventsOf(id);
        updates.Select(u => Guid.Parse(u.Element("update_id")!.Value)).ShouldBe(events.Skip(1).Select(e => e.Id));
        var times = updates.Select(u => DateTimeOffset.Parse(u.Element("updated_datetime")!.Value)).ToList();
        times.ShouldBe(times.Order().ToList());

        (await _client.Get($"/requests/{id}.xml", ("api_key", _client.Key))).Xml.Root!.Element("request")!
            .Element("status_notes")!.Value.ShouldBe("地锁已拆除");

        var reopen = await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), ("jurisdiction_id", _client.Jurisdiction),
            ("service_request_id", id.ToString()), ("status", "REOPEN"), ("description", "地锁又装回来了"),
            ("updated_datetime", W3C(DateTimeOffset.UtcNow)), ("update_id", "4711"), ("first_name", "王"), ("last_name", "女士"));
        reopen.Status.ShouldBe(HttpStatusCode.OK, reopen.Text);
        reopen.Xml.Root!.Name.LocalName.ShouldBe("service_request_updates");
        var updateId = Guid.Parse(reopen.Xml.Root.Element("request_update")!.Element("update_id")!.Value);

        var details = (await _client.Street.Host.Get($"/api/issues/{id}")).Body;
        details.GetProperty("status").GetString().ShouldBe("reopened");
        details.GetProperty("reopenCount").GetInt32().ShouldBe(1);
        var reopened = (await _client.Street.EventsOf(id)).Last();
        reopened.Id.ShouldBe(updateId);
        var data = reopened.Data.ShouldBeOfType<IssueReopened>();
        data.Reason.ShouldBe("地锁又装回来了");
        data.By.Role.ShouldBe("reporter");
        data.By.Name.ShouldBe(_client.Name);

        var last = (await Updates(from)).Last();
        last.Element("update_id")!.Value.ShouldBe(updateId.ToString());
        last.Element("status")!.Value.ShouldBe("open");

        (await _client.Street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);
        (await _client.Street.Host.Post($"/api/issues/{id}/close", new { reason = "居民另行反映至城管" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await Updates(from)).Select(u => u.Element("status")!.Value).TakeLast(2).ShouldBe(["action_scheduled", "closed"]);
        (await _client.Get($"/requests/{id}.json", ("api_key", _client.Key))).Json[0].GetProperty("status").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task Open_on_a_resolved_request_reopens_it_in_any_case_and_the_json_twin_answers_the_same()
    {
        var id = await _client.Raise();
        await Resolve(id);
        var reply = await _client.Post("/servicerequestupdates.json", ("api_key", _client.Key), ("service_request_id", id.ToString()),
            ("status", "open"), ("description", "没有修好"));
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        Guid.TryParse(reply.Json[0].GetProperty("update_id").GetString(), out _).ShouldBeTrue();
        (await _client.Street.Host.Get($"/api/issues/{id}")).Body.GetProperty("status").GetString().ShouldBe("reopened");

        var json = await _client.Get("/servicerequestupdates.json", ("api_key", _client.Key));
        json.Json.EnumerateArray().Last().GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task Updates_the_rules_or_the_fields_refuse_are_errors_that_change_nothing()
    {
        var id = await _client.Raise();
        // Listed up front, so that the count below holds only the issue's own events.
        await _client.Street.List(Street.PropertyCompany);
        var before = (await _client.Street.AllEvents()).Count;
        (string, string) Id() => ("service_request_id", id.ToString());

        (await _client.Post("/servicerequestupdates.xml", Id(), ("status", "REOPEN"), ("description", "x"))).ShouldBeError(HttpStatusCode.Forbidden);
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), ("status", "REOPEN"), ("description", "x")))
            .ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), Id(), ("description", "x"))).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), Id(), ("status", "SOLVED"))).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), Id(), ("status", "REOPEN"), ("description", "还是有"),
            ("updated_datetime", "last tuesday"))).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), ("service_request_id", Guid.NewGuid().ToString()),
            ("status", "REOPEN"), ("description", "x"))).ShouldBeError(HttpStatusCode.NotFound);
        // Not resolved yet: the reopen rule refuses it, as POST /api/issues/{id}/reopen would (409 there).
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), Id(), ("status", "REOPEN"), ("description", "x")))
            .ShouldBeError(HttpStatusCode.BadRequest).XmlErrors[0].Description.ShouldContain("raised");

        await Resolve(id);
        var resolved = (await _client.Street.AllEvents()).Count;
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), Id(), ("status", "REOPEN")))
            .ShouldBeError(HttpStatusCode.BadRequest).XmlErrors[0].Description.ShouldStartWith("description:");
        // A plain update is a comment, and a comment needs its text.
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), Id(), ("status", "FIXED")))
            .ShouldBeError(HttpStatusCode.BadRequest).XmlErrors[0].Description.ShouldStartWith("description:");

        (await _client.Get("/servicerequestupdates.xml", ("api_key", _client.Key), ("start_date", W3C(DateTimeOffset.UtcNow))))
            .ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Get("/servicerequestupdates.xml", ("api_key", "nope"))).ShouldBeError(HttpStatusCode.Forbidden);
        (await _client.Get("/servicerequestupdates.xml")).ShouldBeError(HttpStatusCode.BadRequest);

        (await _client.Street.AllEvents()).Count.ShouldBe(resolved);
        resolved.ShouldBe(before + 4);
    }

    [Fact]
    public async Task A_plain_update_is_a_comment_by_the_client_listed_in_order_with_the_state_its_request_is_in()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = await _client.Raise();
        var early = await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), ("service_request_id", id.ToString()),
            ("status", "OPEN"), ("description", "今天早上又堵了"), ("update_id", "1"));
        early.Status.ShouldBe(HttpStatusCode.OK, early.Text);
        (await _client.Street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);
        var afterAssign = DateTimeOffset.UtcNow;
        var reply = await _client.Post("/servicerequestupdates.json", ("api_key", _client.Key), ("service_request_id", id.ToString()),
            ("status", "open"), ("description", "物业还没来"), ("update_id", "2"));
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        var updateId = Guid.Parse(reply.Json[0].GetProperty("update_id").GetString()!);

        var comment = (await _client.Street.EventsOf(id)).Last();
        comment.Id.ShouldBe(updateId);
        var data = comment.Data.ShouldBeOfType<CommentAdded>();
        data.Text.ShouldBe("物业还没来");
        data.By.Role.ShouldBe("reporter");
        data.By.Name.ShouldBe(_client.Name);
        var details = (await _client.Street.Host.Get($"/api/issues/{id}")).Body;
        details.GetProperty("status").GetString().ShouldBe("assigned");
        details.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ShouldBe(["今天早上又堵了", "物业还没来"]);

        var updates = await Updates(from);
        updates.Select(u => (u.Element("status")!.Value, u.Element("description")!.Value))
            .ShouldBe([("open", "今天早上又堵了"), ("action_scheduled", "请一周内处理"), ("action_scheduled", "物业还没来")]);
        updates.Last().Element("update_id")!.Value.ShouldBe(updateId.ToString());
        // A window that starts after the assignment still says what state the comment found the request in.
        (await Updates(afterAssign)).ShouldHaveSingleItem().Element("status")!.Value.ShouldBe("action_scheduled");
    }

    [Fact]
    public async Task An_update_sent_again_with_its_update_id_answers_the_first_update_and_adds_nothing()
    {
        var id = await _client.Raise();
        (string, string)[] update = [("api_key", _client.Key), ("service_request_id", id.ToString()), ("status", "OPEN"),
            ("description", "还是堵着"), ("update_id", "4711"), ("updated_datetime", W3C(DateTimeOffset.UtcNow))];
        var first = await _client.Post("/servicerequestupdates.xml", update);
        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);
        var again = await _client.Post("/servicerequestupdates.json", update);
        again.Status.ShouldBe(HttpStatusCode.OK, again.Text);
        again.Json[0].GetProperty("update_id").GetString()
            .ShouldBe(first.Xml.Root!.Element("request_update")!.Element("update_id")!.Value);
        (await _client.Street.EventsOf(id)).Count.ShouldBe(2);

        (await _client.Post("/servicerequestupdates.xml", [.. update.SkipLast(1), ("updated_datetime", W3C(DateTimeOffset.UtcNow.AddHours(1)))]))
            .ShouldBeError(HttpStatusCode.BadRequest).XmlErrors[0].Description.ShouldContain("update_id");
        var another = await _client.Post("/servicerequestupdates.xml", [.. update.Take(4), ("update_id", "4712")]);
        another.Status.ShouldBe(HttpStatusCode.OK, another.Text);
        (await _client.Street.EventsOf(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Another_streets_updates_do_not_appear()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var other = app.NewClient();
        var theirs = await other.Raise();
        (await other.Street.Host.Post($"/api/issues/{theirs}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);
        var mine = await _client.Raise();
        (await _client.Street.Host.Post($"/api/issues/{mine}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);

        (await Updates(from)).ShouldHaveSingleItem().Element("service_request_id")!.Value.ShouldBe(mine.ToString());
        (await Updates(from, other)).ShouldHaveSingleItem().Element("service_request_id")!.Value.ShouldBe(theirs.ToString());
    }
}
