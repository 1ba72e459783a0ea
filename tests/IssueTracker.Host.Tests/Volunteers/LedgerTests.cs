using System.Net;
using MiniExcelLibs;

namespace IssueTracker.Host.Tests.Volunteers;

[Collection(AppCollection.Name)]
public class LedgerTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    private async Task Arrange()
    {
        await _street.List(VolunteerBodies.Team, "洪立周爱心课堂", "volunteerTeam");
        var volunteer = await _street.RegisterSelf();
        var wish = (await _street.Reporter.Post("/api/wishes", WishStoryTests.Wish())).Id;
        await _street.Volunteer().Post($"/api/wishes/{wish}/claim", new { volunteerId = volunteer });
        await _street.Volunteer().Post($"/api/wishes/{wish}/fulfil", new { note = "已上门陪伴" });
        (await _street.Reporter.Post($"/api/wishes/{wish}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.OK);
        await _street.Reporter.Post("/api/wishes", WishStoryTests.Wish("想学用智能手机"));

        var task = (await _street.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task(VolunteerBodies.Team))).Id;
        await _street.Leader().Post($"/api/micro-tasks/{task}/complete", new
        {
            report = "楼道已畅通", participants = new[] { new { volunteerId = volunteer, hours = 3m } }
        });
        (await _street.Host.Post($"/api/micro-tasks/{task}/confirm", new { })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Leader().Post("/api/ventures", VentureAndListTests.Venture())).ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Reporter.Post("/api/needs", new { category = "医疗", community = "明光社区", description = "测血压", grid = 12 }))
            .ShouldHaveStatus(HttpStatusCode.Created);
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private async Task<List<IDictionary<string, object>>> Sheet(string kind)
    {
        var answer = await _street.Host.Send(HttpMethod.Get, $"/api/ledgers/{kind}?format=xlsx", null, ("Accept", XlsxType));
        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await answer.Response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        return (await stream.QueryAsync(useHeaderRow: true, excelType: ExcelType.XLSX)).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task The_five_ledgers_download_as_xlsx_with_chinese_headers_and_the_expected_rows()
    {
        await Arrange();

        var wishes = await Sheet("wishes");
        wishes.Count.ShouldBe(2);
        wishes.Select(r => r["状态"]?.ToString()).ShouldBe(["已确认", "待认领"], ignoreOrder: true);
        wishes.ShouldAllBe(r => r["居民"]!.ToString() == "张奶奶");

        var task = (await Sheet("micro-tasks")).ShouldHaveSingleItem();
        (task["项目名称"].ToString(), task["认领团队"].ToString(), task["团队名称"].ToString(), task["状态"].ToString(), Convert.ToDecimal(task["服务时长（小时）"]))
            .ShouldBe(("矿机二村楼道杂物清理", VolunteerBodies.Team, "洪立周爱心课堂", "已确认", 3m));

        var team = (await Sheet("teams")).ShouldHaveSingleItem();
        (team["团队"].ToString(), team["团队名称"].ToString(), Convert.ToInt32(team["志愿者人数"]), Convert.ToInt32(team["完成微实事"]), Convert.ToInt32(team["微创投项目"]))
            .ShouldBe((VolunteerBodies.Team, "洪立周爱心课堂", 1, 1, 1));

        var venture = (await Sheet("ventures")).ShouldHaveSingleItem();
        (venture["项目名称"].ToString(), Convert.ToDecimal(venture["预算（元）"]), venture["状态"].ToString()).ShouldBe(("老年食堂助餐志愿服务", 8000m, "申报中"));

        var grids = await Sheet("grids");
        grids.Select(g => Convert.ToInt32(g["网格"])).ShouldBe([5, 12]);
        (Convert.ToInt32(grids[0]["微心愿"]), Convert.ToInt32(grids[0]["已实现微心愿"]), Convert.ToInt32(grids[1]["需求"])).ShouldBe((2, 1, 1));
    }

    [Fact]
    public async Task A_ledger_as_json_has_the_same_rows_and_only_hosts_admins_and_auditors_read_it()
    {
        await Arrange();

        var ledger = (await _street.Auditor.Get("/api/ledgers/wishes")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        ledger.GetProperty("title").GetString().ShouldBe("微心愿台账");
        ledger.GetProperty("rows").GetArrayLength().ShouldBe(2);
        ledger.GetProperty("columns")[0].GetProperty("header").GetString().ShouldBe("心愿内容");
        (await _street.Host.Get("/api/ledgers/nothing")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Get("/api/ledgers/wishes?format=pdf")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        foreach (var reader in new[] { _street.Reporter, _street.Volunteer(), _street.Leader(), _street.Assignee })
            (await reader.Get("/api/ledgers/wishes")).ShouldHaveStatus(HttpStatusCode.Forbidden);
    }
}
