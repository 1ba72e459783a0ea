using System.Net;

namespace IssueTracker.Host.Tests.Volunteers;

[Collection(AppCollection.Name)]
public class VentureAndListTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    public static object Venture(string teamId = VolunteerBodies.Team) =>
        new { title = "老年食堂助餐志愿服务", description = "购置保温餐箱", teamId, budget = 8000m };

    [Fact]
    public async Task A_team_proposes_a_venture_a_host_approves_it_and_the_team_reports_until_it_is_complete()
    {
        (await _street.OtherLeader().Post("/api/ventures", Venture())).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Leader().Post("/api/ventures", new { title = "x", teamId = VolunteerBodies.Team, budget = 0 })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        var venture = (await _street.Leader().Post("/api/ventures", Venture())).ShouldHaveStatus(HttpStatusCode.Created).Id;

        (await _street.Leader().Post($"/api/ventures/{venture}/milestones", new { note = "x" })).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await _street.Leader().Post($"/api/ventures/{venture}/approve", new { })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Host.Post($"/api/ventures/{venture}/approve", new { note = "同意立项" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/ventures/{venture}/decline", new { reason = "x" })).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await _street.Leader().Post($"/api/ventures/{venture}/milestones", new { note = "已购置餐箱", spent = 2600m })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.OtherLeader().Post($"/api/ventures/{venture}/complete", new { summary = "完成" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Leader().Post($"/api/ventures/{venture}/complete", new { summary = "累计送餐1200份" })).ShouldHaveStatus(HttpStatusCode.OK);

        var card = (await _street.Volunteer().Get($"/api/ventures/{venture}")).ShouldHaveStatus(HttpStatusCode.OK);
        (card.Text("status"), card.Body.GetProperty("spent").GetDecimal()).ShouldBe(("completed", 2600m));
    }

    [Fact]
    public async Task Needs_are_matched_with_resources_of_their_category_and_community()
    {
        var clinic = (await _street.Host.Post("/api/resources", new { provider = "现代妇产医院", category = "医疗", description = "每月义诊", capacity = 50 }))
            .ShouldHaveStatus(HttpStatusCode.Created).Id;
        var canteen = (await _street.Host.Post("/api/resources", new { provider = "以孝治家大食堂", category = "助餐", community = "全椒路社区", description = "老年助餐" }))
            .ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await _street.Reporter.Post("/api/resources", new { provider = "x", category = "x", description = "x" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        var need = (await _street.Reporter.Post("/api/needs", new { category = "医疗", community = "明光社区", description = "老人测血压", grid = 12 }))
            .ShouldHaveStatus(HttpStatusCode.Created).Id;

        var view = (await _street.Host.Get("/api/needs/matches")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items");
        view.GetArrayLength().ShouldBe(1);
        view[0].GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldBe([clinic]);

        (await _street.Host.Post($"/api/needs/{need}/match", new { resourceId = canteen })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Reporter.Post($"/api/needs/{need}/match", new { resourceId = clinic })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Host.Post($"/api/needs/{need}/match", new { resourceId = clinic })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/needs/{need}/match", new { resourceId = clinic })).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await _street.Host.Get("/api/needs/matches")).Body.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await _street.Host.Get("/api/needs?matched=true")).Body.GetProperty("items")[0].GetProperty("provider").GetString().ShouldBe("现代妇产医院");
    }
}
