using System.Net;
using IssueTracker.Host.Demo;

namespace IssueTracker.Host.Tests.Boards;

[Collection(AppCollection.Name)]
public class StatusBoardTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_board_counts_a_scripted_street_by_community_category_and_grid()
    {
        await ScriptedStreet();
        await app.CaughtUp();

        (await _street.StatusBoard("community")).ShouldBe([
            "全椒路社区: resolved=1 withdrawn=1 | overdue 0 | total 2 | median 0",
            "明光社区: assigned=1 inProgress=1 | overdue 0 | total 2 | median -"
        ]);
        (await _street.StatusBoard("category")).ShouldBe([
            "animals: assigned=1 | overdue 0 | total 1 | median -",
            "parking: inProgress=1 withdrawn=1 | overdue 0 | total 2 | median -",
            "repairs: resolved=1 | overdue 0 | total 1 | median 0"
        ]);
        (await _street.StatusBoard("grid")).ShouldBe([
            "3: resolved=1 | overdue 0 | total 1 | median 0",
            "7: assigned=1 | overdue 0 | total 1 | median -",
            "12: inProgress=1 withdrawn=1 | overdue 0 | total 2 | median -"
        ]);
        (await _street.Items("/api/boards/overdue")).ShouldBeEmpty();
        var all = (await _street.Reporter.Get("/api/boards/status?groupBy=grid")).Body.GetProperty("all");
        all.GetProperty("total").GetInt32().ShouldBe(4);
        all.GetProperty("counts").GetProperty("withdrawn").GetInt32().ShouldBe(1);
        all.GetProperty("medianDaysToResolve").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task Each_organisation_sees_only_the_open_work_currently_assigned_to_it()
    {
        var due = await ScriptedStreet();
        await app.CaughtUp();

        (await _street.Items($"/api/boards/assignees/{Street.PropertyCompany}")).ShouldBe(["明光小区地锁占道 | inProgress | overdue False"]);
        (await _street.Items($"/api/boards/assignees/{Street.OtherCompany}")).ShouldBe(["群力新村散养家禽 | assigned | overdue False"]);
        (await _street.Items("/api/boards/assignees/nobody")).ShouldBeEmpty();
        var queue = (await _street.Reporter.Get($"/api/boards/assignees/{Street.OtherCompany}")).Body;
        queue.GetProperty("org").GetString().ShouldBe(Street.OtherCompany);
        queue.GetProperty("items")[0].GetProperty("dueBy").GetDateTimeOffset().ShouldBe(due);
    }

    [Fact]
    public async Task The_demo_street_shows_every_stage_and_its_overdue_work()
    {
        (await DemoSeeder.SeedAsync(app.Store, _street.Id, DateTimeOffset.UtcNow)).ShouldBe(DemoStreet.Issues.Length);
        (await DemoSeeder.SeedAsync(app.Store, _street.Id, DateTimeOffset.UtcNow)).ShouldBe(0);
        await app.CaughtUp();

        var rows = await _street.StatusBoard("community");
        rows.Select(r => r[..r.LastIndexOf(" | median", StringComparison.Ordinal)]).ShouldBe([
            "全椒路社区: acknowledged=2 closed=1 confirmed=1 inProgress=1 withdrawn=1 | overdue 2 | total 6",
            "明光社区: assigned=2 closed=1 confirmed=1 duplicate=1 inProgress=1 onAgenda=1 raised=2 | overdue 2 | total 9",
            "滨河社区: assigned=2 confirmed=1 raised=1 reopened=1 resolved=1 | overdue 3 | total 6",
            "芜湖路社区: acknowledged=1 declined=1 inProgress=1 raised=1 resolved=1 | overdue 1 | total 5"
        ]);
        (await _street.Items("/api/boards/overdue")).ShouldBe([
            "东来家园复建点地下室渗水 | reopened | overdue True | 督办 streetLeadership",
            "矿机二村下水道堵塞 | acknowledged | overdue True",
            "来安花园窗户渗水（交房质量） | inProgress | overdue True | 督办 streetLeadership",
            "全椒路社区老年食堂门前积水 | acknowledged | overdue True | 督办 streetLeadership",
            "东来家园楼道照明损坏 | assigned | overdue True | 督办 districtLeadership",
            "群力新村散养家禽 | inProgress | overdue True",
            "滨河社区流浪犬伤人隐患 | assigned | overdue True",
            "群力新村绿化带被占种菜 | assigned | overdue True"
        ]);
        var (organisations, categories) = await _street.Performance();
        organisations.ShouldBe([
            "anju-wuye: open 2 overdue 1 | resolved 1 on time 1 rate 1 | ratings 0/0/0",
            "chengguan: open 2 overdue 2 | resolved 2 on time 0 rate 0 | ratings 1/1/0",
            "datonglu-pcs: open 0 overdue 0 | resolved 1 on time 0 rate 0 | ratings 1/0/0",
            "donglai-wuye: open 2 overdue 2 | resolved 2 on time 1 rate 0.5 | ratings 0/0/1",
            "hongse-wuye: open 5 overdue 3 | resolved 2 on time 1 rate 0.5 | ratings 1/0/0"
        ]);
        categories.ShouldBe(["repairs: 1/0/1", "safety: 1/0/0", "sanitation: 1/1/0"]);
        var activity = (await _street.Reporter.Get("/api/boards/activity?limit=2")).Body.GetProperty("items");
        activity.GetArrayLength().ShouldBe(2);
        activity.EnumerateArray().Select(a => $"{a.GetProperty("type")} {a.GetProperty("title")}").ShouldBe([
            "issueEscalated 东来家园楼道照明损坏", "acknowledgementOverdue 滨河社区流浪犬伤人隐患"
        ]);
    }

    /// <summary>Four issues in two communities, taken to different stages through the API.</summary>
    private async Task<DateTimeOffset> ScriptedStreet()
    {
        var due = DateTimeOffset.UtcNow.AddDays(5).ToUniversalTime();
        due = due.AddTicks(-(due.Ticks % TimeSpan.TicksPerMillisecond));
        var parking = await _street.Raise(Bodies.ParkingLock());
        var poultry = await _street.Raise(Bodies.LoosePoultry());
        var leak = await _street.Raise(Bodies.LeakingBuilding("全椒路社区"));
        var parkingElsewhere = await _street.Raise(Bodies.ParkingLock("全椒路社区"));

        await Ok(_street.Host, parking, "assign", Bodies.Assign());
        await Ok(_street.Assignee, parking, "acknowledge", new { });
        await Ok(_street.Assignee, parking, "progress", new { note = "已联系车主" });
        await Ok(_street.Host, poultry, "assign", Bodies.Assign());
        await Ok(_street.Assignee, poultry, "decline", new { reason = "不属于本物业" });
        await Ok(_street.Host, poultry, "assign", Bodies.Assign(Street.OtherCompany, due));
        await Ok(_street.Host, leak, "assign", Bodies.Assign());
        await Ok(_street.Assignee, leak, "acknowledge", new { });
        await Ok(_street.Assignee, leak, "resolve", new { resolution = "屋顶已修补" });
        await Ok(_street.Host, parkingElsewhere, "withdraw", new { reason = "重复登记" });
        return due;
    }

    private static async Task Ok(Client by, Guid id, string command, object body) =>
        (await by.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);
}
