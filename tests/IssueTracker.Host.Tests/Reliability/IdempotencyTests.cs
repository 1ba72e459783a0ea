using System.Net;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class IdempotencyTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_same_key_and_body_replay_the_first_answer_and_append_nothing()
    {
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        var first = (await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), key)).ShouldHaveStatus(HttpStatusCode.Created);

        var again = await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), key);

        again.ShouldHaveStatus(HttpStatusCode.Created);
        again.Id.ShouldBe(first.Id);
        again.Version.ShouldBe(1);
        again.Response.Headers.Location.ShouldBe(first.Response.Headers.Location);
        (await _street.Reporter.Get("/api/issues")).Text("total").ShouldBe("1");
    }

    [Fact]
    public async Task A_retried_command_is_applied_once()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());
        await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { });
        var key = ("Idempotency-Key", "progress-1");

        var answers = new List<Answer>();
        for (var i = 0; i < 3; i++) answers.Add(await _street.Assignee.Post($"/api/issues/{id}/progress", new { note = "已进场施工" }, key));

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.OK && a.Version == 4);
        (await _street.EventsOf(id)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var id = await _street.Raise();
        var key = ("Idempotency-Key", "close-1");
        (await _street.Host.Post($"/api/issues/{id}/close", new { reason = "已解决" }, key)).ShouldHaveStatus(HttpStatusCode.OK);

        var other = await _street.Host.Post($"/api/issues/{id}/close", new { reason = "另一个理由" }, key);

        other.ShouldHaveStatus(HttpStatusCode.UnprocessableEntity);
        other.ProblemType!.ShouldEndWith("idempotency-key-reused");
        (await _street.EventsOf(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var key = ("Idempotency-Key", "shared-key");
        var mine = (await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), key)).ShouldHaveStatus(HttpStatusCode.Created);

        var theirs = (await _street.Host.Post("/api/issues", Bodies.ParkingLock(), key)).ShouldHaveStatus(HttpStatusCode.Created);

        theirs.Id.ShouldNotBe(mine.Id);
    }

    [Fact]
    public async Task A_rejected_command_is_not_remembered()
    {
        var id = await _street.Raise();
        var key = ("Idempotency-Key", "resolve-early");
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());

        (await _street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "已修" }, key)).ShouldHaveStatus(HttpStatusCode.Conflict);
        await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { });

        (await _street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "已修" }, key)).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Directory_writes_and_extension_requests_replay_their_first_answer()
    {
        var entry = new { id = "donglai-wuye", name = "东来物业", kind = "propertyCompany", active = true };
        var created = (await _street.Host.Post("/api/organisations", entry, ("Idempotency-Key", "org-1"))).ShouldHaveStatus(HttpStatusCode.Created);
        var again = (await _street.Host.Post("/api/organisations", entry, ("Idempotency-Key", "org-1"))).ShouldHaveStatus(HttpStatusCode.Created);
        again.Body.ToString().ShouldBe(created.Body.ToString());
        again.Response.Headers.Location.ShouldBe(created.Response.Headers.Location);
        again.Response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);

        var rename = new { name = "东来物业（明光）", kind = "propertyCompany", active = true };
        for (var i = 0; i < 2; i++)
            (await _street.Host.Send(HttpMethod.Put, "/api/organisations/donglai-wuye",
                    System.Net.Http.Json.JsonContent.Create(rename, options: Street.Json), ("Idempotency-Key", "org-2"), ("If-Match", "\"1\"")))
                .ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(2);
        (await _street.EventsOf(Domain.Organisations.OrganisationIds.StreamId(_street.Id, "donglai-wuye"))).Count.ShouldBe(2);

        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());
        await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { });
        var extension = Bodies.Extension();
        var asked = new List<Answer>();
        for (var i = 0; i < 2; i++) asked.Add(await _street.Assignee.Post($"/api/issues/{id}/extension-requests", extension, ("Idempotency-Key", "ext-1")));
        asked.ShouldAllBe(a => a.Status == HttpStatusCode.OK && a.Version == 4 && a.Body.GetProperty("request").GetInt32() == 1);
        (await _street.EventsOf(id)).Count.ShouldBe(4);
    }
}
