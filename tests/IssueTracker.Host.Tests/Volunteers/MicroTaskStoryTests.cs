using System.Net;

namespace IssueTracker.Host.Tests.Volunteers;

[Collection(AppCollection.Name)]
public class MicroTaskStoryTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    public static object Task(string? teamId = null) =>
        new { title = "矿机二村楼道杂物清理", description = "清理楼道堆放的杂物", community = "明光社区", teamId };

    [Fact]
    public async Task A_micro_task_goes_from_published_to_confirmed_and_its_participants_get_hours_and_points()
    {
        var first = await _street.RegisterSelf();
        var second = await _street.RegisterByHost("周阿姨");
        var task = (await _street.Host.Post("/api/micro-tasks", Task())).ShouldHaveStatus(HttpStatusCode.Created).Id;

        (await _street.Leader().Get("/api/micro-tasks?status=open")).Body.GetProperty("items").GetArrayLength().ShouldBe(1);
        (await _street.Leader().Post($"/api/micro-tasks/{task}/claim", new { teamId = VolunteerBodies.Team })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.OtherLeader().Post($"/api/micro-tasks/{task}/complete", new { report = "x", participants = new[] { new { volunteerId = first, hours = 2 } } }))
            .ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Leader().Post($"/api/micro-tasks/{task}/complete", new
        {
            report = "清理杂物三车，楼道已畅通",
            participants = new[] { new { volunteerId = first, hours = 3m }, new { volunteerId = second, hours = 1.5m } }
        })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Leader().Post($"/api/micro-tasks/{task}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Host.Post($"/api/micro-tasks/{task}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(4);

        var card = (await _street.Leader().Get($"/api/micro-tasks/{task}")).ShouldHaveStatus(HttpStatusCode.OK);
        (card.Text("status"), card.Body.GetProperty("totalHours").GetDecimal()).ShouldBe(("confirmed", 4.5m));
        var mine = (await _street.Volunteer().Get("/api/volunteers/me")).Body;
        (mine.GetProperty("hours").GetDecimal(), mine.GetProperty("points").GetInt32()).ShouldBe((3m, 30));
        mine.GetProperty("serviceRecords")[0].GetProperty("source").GetGuid().ShouldBe(task);
        (await _street.Host.Get($"/api/volunteers/{second}")).Body.GetProperty("points").GetInt32().ShouldBe(15);
        await _street.Verify();
    }

    [Fact]
    public async Task A_discussion_meeting_issue_becomes_a_micro_task_for_a_team()
    {
        var issue = await _street.Raise(Bodies.LeakingBuilding());

        var created = (await _street.Host.Post("/api/micro-tasks", new { issueId = issue, teamId = VolunteerBodies.Team }))
            .ShouldHaveStatus(HttpStatusCode.Created);

        var card = (await _street.Host.Get($"/api/micro-tasks/{created.Id}")).Body;
        (card.GetProperty("title").GetString(), card.GetProperty("issueId").GetGuid(), card.GetProperty("team").GetString(), card.GetProperty("status").GetString())
            .ShouldBe(("矿机二村老楼漏水", issue, VolunteerBodies.Team, "claimed"));
        (await _street.Host.Post("/api/micro-tasks", new { issueId = Guid.NewGuid() })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await app.NewStreet().Host.Post("/api/micro-tasks", new { issueId = issue })).ShouldHaveStatus(HttpStatusCode.BadRequest);
    }
}
