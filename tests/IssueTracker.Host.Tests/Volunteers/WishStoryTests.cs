using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Volunteers;

[Collection(AppCollection.Name)]
public class WishStoryTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    public static object Wish(string title = "想请人每周陪聊一次") => new
    {
        title, description = "独居老人，希望每周有人上门聊聊天", community = "全椒路社区", grid = 5,
        resident = new { name = "张奶奶", contact = "0551-62000000" }
    };

    [Fact]
    public async Task A_wish_goes_from_recorded_to_confirmed_and_the_volunteer_gets_its_points()
    {
        var volunteer = await _street.RegisterSelf();
        var wish = (await _street.Reporter.Post("/api/wishes", Wish())).ShouldHaveStatus(HttpStatusCode.Created).Id;

        (await _street.Volunteer().Get("/api/wishes?status=open")).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
        (await _street.Volunteer().Post($"/api/wishes/{wish}/claim", new { volunteerId = volunteer }, ("If-Match", "\"1\"")))
            .ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(2);
        (await _street.Volunteer("vol-zhou").Post($"/api/wishes/{wish}/fulfil", new { note = "已上门" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Volunteer().Post($"/api/wishes/{wish}/fulfil", new { note = "已连续四周上门陪伴" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.OtherReporter.Post($"/api/wishes/{wish}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Reporter.Post($"/api/wishes/{wish}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(4);
        (await _street.Reporter.Post($"/api/wishes/{wish}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.Conflict);

        var card = (await _street.Host.Get($"/api/wishes/{wish}")).ShouldHaveStatus(HttpStatusCode.OK);
        (card.Text("status"), card.Body.GetProperty("resident").GetProperty("name").GetString()).ShouldBe(("confirmed", "张奶奶"));
        (await _street.Volunteer().Get($"/api/wishes/{wish}")).Body.GetProperty("resident").ValueKind.ShouldBe(JsonValueKind.Null);
        (await _street.Volunteer().Get("/api/volunteers/me")).Body.GetProperty("points").GetInt32().ShouldBe(20);
        await _street.Verify();
    }

    [Fact]
    public async Task A_team_claims_a_wish_and_its_named_members_get_the_points()
    {
        var member = await _street.RegisterByHost("周阿姨");
        var outsider = (await _street.Host.Post("/api/volunteers", VolunteerBodies.Registration("路人"))).Id;
        var wish = (await _street.Host.Post("/api/wishes", Wish("帮忙修理收音机"))).ShouldHaveStatus(HttpStatusCode.Created).Id;

        (await _street.OtherLeader().Post($"/api/wishes/{wish}/claim", new { teamId = VolunteerBodies.Team })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Leader().Post($"/api/wishes/{wish}/claim", new { teamId = VolunteerBodies.Team })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Leader().Post($"/api/wishes/{wish}/fulfil", new { note = "已修好", volunteerIds = new[] { outsider } }))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Leader().Post($"/api/wishes/{wish}/fulfil", new { note = "已修好", volunteerIds = new[] { member } }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/wishes/{wish}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.OK);

        (await _street.Host.Get($"/api/volunteers/{member}")).Body.GetProperty("points").GetInt32().ShouldBe(20);
        (await _street.Host.Get($"/api/volunteers/{outsider}")).Body.GetProperty("points").GetInt32().ShouldBe(0);
    }
}
