using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Organisations;

[Collection(AppCollection.Name)]
public class OrganisationDirectoryTests(AppFixture app)
{
    private static object Entry(string id = "hongse-wuye", string name = "红色物业", bool active = true) => new
    {
        id, name, kind = "propertyCompany", contact = new { person = "张经理", phone = "0551-64210001", email = "wy@example.cn" }, active
    };

    private static Street Strict(AppFixture app) => new(app, "street-" + Guid.NewGuid().ToString("N")[..12]) { ListsAssignees = false };

    [Fact]
    public async Task A_host_creates_renames_and_deactivates_an_entry_and_each_change_is_an_event_with_its_actor()
    {
        var street = Strict(app);
        var created = (await street.Host.Post("/api/organisations", Entry())).ShouldHaveStatus(HttpStatusCode.Created);
        created.Text("id").ShouldBe("hongse-wuye");
        created.Version.ShouldBe(1);
        created.Response.Headers.Location!.ToString().ShouldBe("/api/organisations/hongse-wuye");

        (await street.Host.Send(HttpMethod.Put, "/api/organisations/hongse-wuye",
            JsonContent(new { name = "红色物业（明光）", kind = "propertyCompany" }), ("If-Match", "\"1\""))).ShouldHaveStatus(HttpStatusCode.OK);
        (await street.Host.Send(HttpMethod.Put, "/api/organisations/hongse-wuye",
            JsonContent(new { name = "红色物业（明光）", kind = "propertyCompany", active = false }), ("If-Match", "\"1\"")))
            .ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        (await street.Host.Send(HttpMethod.Put, "/api/organisations/hongse-wuye",
            JsonContent(new { name = "红色物业（明光）", kind = "propertyCompany", active = false }), ("If-Match", "\"2\"")))
            .ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(3);

        var entry = (await street.Reporter.Get("/api/organisations")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items")
            .EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("id").GetString().ShouldBe("hongse-wuye");
        entry.GetProperty("name").GetString().ShouldBe("红色物业（明光）");
        entry.GetProperty("active").GetBoolean().ShouldBeFalse();
        entry.GetProperty("contact").ValueKind.ShouldBe(JsonValueKind.Null, "contacts are for hosts, admins and auditors");
        (await street.Auditor.Get("/api/organisations/hongse-wuye")).ShouldHaveStatus(HttpStatusCode.OK).Body
            .GetProperty("contact").GetProperty("person").ValueKind.ShouldBe(JsonValueKind.Null, "a PUT without contact replaced it");

        var events = await street.EventsOf(Domain.Organisations.OrganisationIds.StreamId(street.Id, "hongse-wuye"));
        events.Select(e => e.EventTypeName).ShouldBe(["organisation_registered", "organisation_updated", "organisation_updated"]);
        events.ShouldAllBe(e => ((Domain.Shared.IAuthoredEvent)e.Data).By.Id == "host-li");
    }

    [Fact]
    public async Task Bad_entries_and_duplicates_are_refused_with_field_codes()
    {
        var street = Strict(app);
        var invalid = (await street.Host.Post("/api/organisations", new { id = "Hongse Wuye", name = "" }))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);
        invalid.Body.GetProperty("code").GetString().ShouldBe("validation");
        var codes = invalid.Body.GetProperty("errorCodes");
        codes.GetProperty("id")[0].GetString().ShouldBe("badFormat");
        codes.GetProperty("name")[0].GetString().ShouldBe("required");
        codes.GetProperty("kind")[0].GetString().ShouldBe("unknownValue");
        var unreadable = (await street.Host.Post("/api/organisations", new { id = "hongse-wuye", name = "红色物业", kind = "company" }))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);
        unreadable.Body.GetProperty("errorCodes").GetProperty("kind")[0].GetString().ShouldBe("badFormat");

        (await street.Host.Post("/api/organisations", Entry())).ShouldHaveStatus(HttpStatusCode.Created);
        var again = (await street.Host.Post("/api/organisations", Entry())).ShouldHaveStatus(HttpStatusCode.Conflict);
        again.Body.GetProperty("code").GetString().ShouldBe("already-exists");
        (await street.Reporter.Post("/api/organisations", Entry("anju-wuye"))).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await street.Host.Send(HttpMethod.Put, "/api/organisations/nobody-here", JsonContent(Entry("nobody-here"))))
            .ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assigning_to_an_unknown_or_inactive_organisation_is_400_unknownOrganisation_and_appends_nothing()
    {
        var street = Strict(app);
        (await street.Host.Post("/api/organisations", Entry())).ShouldHaveStatus(HttpStatusCode.Created);
        (await street.Host.Post("/api/organisations", Entry("anju-wuye", "安居物业", active: false))).ShouldHaveStatus(HttpStatusCode.Created);
        var id = await street.Raise();

        foreach (var assignee in new[] { "hongse-wuyee", "anju-wuye" })
        {
            var refused = (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(assignee))).ShouldHaveStatus(HttpStatusCode.BadRequest);
            refused.Body.GetProperty("errorCodes").GetProperty("assignee")[0].GetString().ShouldBe("unknownOrganisation", assignee);
            refused.Body.GetProperty("code").GetString().ShouldBe("unknown-organisation");
        }
        (await street.EventsOf(id)).Count.ShouldBe(1);

        (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign("hongse-wuye"))).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_meeting_cannot_assign_to_an_organisation_missing_from_the_directory()
    {
        var street = Strict(app);
        var issue = await street.Raise();
        var meeting = (await street.Host.Post("/api/meetings", Meetings.MeetingBodies.Schedule())).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = issue })).ShouldHaveStatus(HttpStatusCode.OK);
        var before = (await street.EventsOf(issue)).Count;

        var refused = (await street.Host.Post($"/api/meetings/{meeting}/decisions", Meetings.MeetingBodies.Assign(issue, assignee: "hongse-wuyee")))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);

        refused.Body.GetProperty("errorCodes").GetProperty("assignee")[0].GetString().ShouldBe("unknownOrganisation");
        (await street.EventsOf(issue)).Count.ShouldBe(before);
        (await street.EventsOf(meeting)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Boards_queues_and_details_show_the_name_beside_the_id()
    {
        var street = app.NewStreet();
        await street.List("hongse-wuye", "红色物业");
        var id = await street.Raise();
        (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(dueBy: DateTimeOffset.UtcNow.AddDays(3)))).ShouldHaveStatus(HttpStatusCode.OK);
        // The queues are async projections: wait until this street's item is on the queue (bounded).
        for (var tries = 0; tries < 120; tries++)
        {
            if ((await street.Reporter.Get("/api/boards/assignees/hongse-wuye")).Body.GetProperty("items").GetArrayLength() > 0) break;
            await Task.Delay(500);
        }

        var details = (await street.Reporter.Get($"/api/issues/{id}")).Body;
        details.GetProperty("assignee").GetString().ShouldBe("hongse-wuye");
        details.GetProperty("assigneeName").GetString().ShouldBe("红色物业");
        (await street.Reporter.Get("/api/issues")).Body.GetProperty("items")[0].GetProperty("assigneeName").GetString().ShouldBe("红色物业");

        var queue = (await street.Reporter.Get("/api/boards/assignees/hongse-wuye")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        queue.GetProperty("org").GetString().ShouldBe("hongse-wuye");
        queue.GetProperty("orgName").GetString().ShouldBe("红色物业");
        queue.GetProperty("items")[0].GetProperty("assigneeName").GetString().ShouldBe("红色物业");
        (await street.Reporter.Get("/api/boards/assignees")).Body.GetProperty("queues")[0].GetProperty("orgName").GetString().ShouldBe("红色物业");
        (await street.Reporter.Get("/api/boards/performance")).Body.GetProperty("organisations")[0].GetProperty("orgName").GetString()
            .ShouldBe("红色物业");
    }

    [Fact]
    public async Task Another_streets_directory_is_invisible()
    {
        var mine = Strict(app);
        var theirs = Strict(app);
        (await theirs.Host.Post("/api/organisations", Entry())).ShouldHaveStatus(HttpStatusCode.Created);

        (await mine.Host.Get("/api/organisations")).Body.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await mine.Host.Get("/api/organisations/hongse-wuye")).ShouldHaveStatus(HttpStatusCode.NotFound);
        var id = await mine.Raise();
        (await mine.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.BadRequest);
        // The same slug is free in my street: its stream id is another one.
        (await mine.Host.Post("/api/organisations", Entry())).ShouldHaveStatus(HttpStatusCode.Created);
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: Street.Json);
}
