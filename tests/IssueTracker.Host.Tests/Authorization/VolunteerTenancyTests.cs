using System.Net;
using IssueTracker.Host.Tests.Volunteers;

namespace IssueTracker.Host.Tests.Authorization;

/// <summary>Two streets with volunteers, rewards, wishes, tasks, ventures and lists: neither sees or touches the other's.</summary>
[Collection(AppCollection.Name)]
public class VolunteerTenancyTests(AppFixture app)
{
    private readonly Street _a = app.NewStreet();
    private readonly Street _b = app.NewStreet();

    [Fact]
    public async Task Every_read_and_write_on_another_streets_volunteer_records_is_404_and_changes_nothing()
    {
        var volunteer = await _b.RegisterSelf(hours: 5);
        var reward = await _b.OfferReward();
        var wish = (await _b.Reporter.Post("/api/wishes", WishStoryTests.Wish())).Id;
        var task = (await _b.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task(VolunteerBodies.Team))).Id;
        var venture = (await _b.Leader().Post("/api/ventures", VentureAndListTests.Venture())).Id;
        var need = (await _b.Reporter.Post("/api/needs", new { category = "医疗", community = "明光社区", description = "测血压" })).Id;
        var record = (await _b.Host.Get($"/api/volunteers/{volunteer}")).Body.GetProperty("serviceRecords")[0].GetProperty("recordId").GetGuid();
        var streams = new[] { volunteer, reward, wish, task, venture, need };
        var before = await Task.WhenAll(streams.Select(async s => (await _b.EventsOf(s)).Count));

        foreach (var read in new[] { $"/api/volunteers/{volunteer}", $"/api/rewards/{reward}", $"/api/wishes/{wish}", $"/api/micro-tasks/{task}", $"/api/ventures/{venture}" })
            (await _a.Host.Get(read)).ShouldHaveStatus(HttpStatusCode.NotFound);
        foreach (var (client, url, body) in new (Client, string, object)[]
                 {
                     (_a.Host, $"/api/volunteers/{volunteer}/teams", new { teamId = VolunteerBodies.OtherTeam }),
                     (_a.Host, $"/api/volunteers/{volunteer}/service-records", VolunteerBodies.Service()),
                     (_a.Host, $"/api/volunteers/{volunteer}/service-records/{record}/corrections", new { hours = 1, reason = "x" }),
                     (_a.Host, $"/api/rewards/{reward}/restock", new { quantity = 1 }),
                     (_a.Host, $"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }),
                     (_a.Host, $"/api/wishes/{wish}/claim", new { teamId = VolunteerBodies.Team }),
                     (_a.Host, $"/api/wishes/{wish}/fulfil", new { note = "x" }),
                     (_a.Host, $"/api/wishes/{wish}/confirm", new { }),
                     (_a.Host, $"/api/micro-tasks/{task}/claim", new { teamId = VolunteerBodies.Team }),
                     (_a.Host, $"/api/micro-tasks/{task}/complete", new { report = "x", participants = new[] { new { volunteerId = volunteer, hours = 1m } } }),
                     (_a.Host, $"/api/micro-tasks/{task}/confirm", new { }),
                     (_a.Host, $"/api/ventures/{venture}/approve", new { }),
                     (_a.Host, $"/api/ventures/{venture}/decline", new { reason = "x" }),
                     (_a.Host, $"/api/ventures/{venture}/milestones", new { note = "x" }),
                     (_a.Host, $"/api/ventures/{venture}/complete", new { summary = "x" }),
                     (_a.Host, $"/api/needs/{need}/match", new { resourceId = Guid.NewGuid() }),
                 })
        {
            (await client.Post(url, body)).ShouldHaveStatus(HttpStatusCode.NotFound);
        }
        (await _a.Host.Send(HttpMethod.Delete, $"/api/volunteers/{volunteer}/teams/{VolunteerBodies.Team}", null)).ShouldHaveStatus(HttpStatusCode.NotFound);

        (await Task.WhenAll(streams.Select(async s => (await _b.EventsOf(s)).Count))).ShouldBe(before);
    }

    [Fact]
    public async Task A_street_cannot_redeem_with_name_or_credit_another_streets_volunteers()
    {
        var theirs = await _b.RegisterSelf(hours: 5);
        var ours = await _a.OfferReward();
        var wish = (await _a.Reporter.Post("/api/wishes", WishStoryTests.Wish())).Id;
        var task = (await _a.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task(VolunteerBodies.Team))).Id;

        (await _a.Host.Post($"/api/rewards/{ours}/redemptions", new { volunteerId = theirs })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _a.Host.Post($"/api/wishes/{wish}/claim", new { volunteerId = theirs })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _a.Leader().Post($"/api/micro-tasks/{task}/complete", new { report = "x", participants = new[] { new { volunteerId = theirs, hours = 1m } } }))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _a.Host.Get($"/api/rewards/{ours}")).Body.GetProperty("stock").GetInt32().ShouldBe(5);
        (await _b.EventsOf(theirs)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Lists_and_ledgers_show_only_the_callers_street()
    {
        await _a.RegisterSelf();
        await _a.OfferReward();
        (await _a.Reporter.Post("/api/wishes", WishStoryTests.Wish())).ShouldHaveStatus(HttpStatusCode.Created);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await _b.OfferReward();
            await _b.Reporter.Post("/api/wishes", WishStoryTests.Wish());
            await _b.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task());
            await _b.Leader().Post("/api/ventures", VentureAndListTests.Venture());
            await _b.Host.Post("/api/resources", new { provider = "现代妇产医院", category = "医疗", description = "义诊" });
            await _b.Reporter.Post("/api/needs", new { category = "医疗", community = "明光社区", description = "测血压", grid = 3 });
        }

        await _b.RegisterSelf();
        (await _a.Host.Get($"/api/volunteers?team={VolunteerBodies.Team}")).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
        (await _a.Host.Get("/api/rewards")).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
        (await _a.Host.Get("/api/wishes")).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
        foreach (var list in new[] { "/api/micro-tasks", "/api/ventures", "/api/resources", "/api/needs", "/api/needs/matches" })
            (await _a.Host.Get(list)).Body.GetProperty("items").GetArrayLength().ShouldBe(0, list);
        (await _a.Host.Get("/api/ledgers/wishes")).Body.GetProperty("rows").GetArrayLength().ShouldBe(1);
        (await _a.Host.Get("/api/ledgers/grids")).Body.GetProperty("rows").GetArrayLength().ShouldBe(1);
        (await _a.Host.Get("/api/ledgers/ventures")).Body.GetProperty("rows").GetArrayLength().ShouldBe(0);
    }
}
