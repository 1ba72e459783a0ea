using System.Net;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class ExportIssuesTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_xlsx_holds_one_row_per_issue_the_filters_keep_with_chinese_headers_labels_names_and_local_times()
    {
        var parking = await _street.Raise(Bodies.ParkingLock());
        await _street.Raise(Bodies.LoosePoultry());
        var dueBy = new DateTimeOffset(2030, 1, 2, 3, 4, 0, TimeSpan.Zero);
        (await _street.Host.Post($"/api/issues/{parking}/assign", Bodies.Assign(dueBy: dueBy))).ShouldHaveStatus(HttpStatusCode.OK);

        var answer = (await _street.Auditor.Get("/api/issues/export?format=xlsx&category=parking")).ShouldHaveStatus(HttpStatusCode.OK);
        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        answer.Response.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".xlsx");
        var bytes = await answer.Response.Content.ReadAsByteArrayAsync();
        var rows = (await new MemoryStream(bytes).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        (await new MemoryStream(bytes).QueryAsync()).Cast<IDictionary<string, object>>().First().Values.Cast<string>()
            .ShouldBe(["编号", "标题", "类别", "状态", "紧急程度", "社区", "小区", "楼栋", "网格", "责任单位", "上报时间", "签收期限", "办结期限",
                "最近更新", "是否超期", "是否督办", "重新办理次数", "办理结果", "满意度", "反映人姓名", "联系方式"]);

        var row = rows.ShouldHaveSingleItem();
        row["编号"].ShouldBe(parking.ToString());
        row["类别"].ShouldBe("停车");
        row["状态"].ShouldBe("已派单");
        row["责任单位"].ShouldBe("红色物业");
        row["办结期限"].ShouldBe("2030-01-02 11:04");
        row["是否超期"].ShouldBe("否");
    }

    [Fact]
    public async Task The_csv_takes_the_lists_filters_and_escapes_formulas()
    {
        await _street.Raise(Bodies.ParkingLock());
        await _street.Raise(new
        {
            title = "=HYPERLINK(\"http://evil\")", description = "公式", category = "parking",
            location = new { community = "明光社区", compound = "明光小区" }, urgency = "normal"
        });
        var assigned = await _street.Raise(Bodies.LeakingBuilding());
        (await _street.Host.Post($"/api/issues/{assigned}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);

        var answer = (await _street.Host.Get("/api/issues/export?format=csv&status=raised&sort=raisedAt")).ShouldHaveStatus(HttpStatusCode.OK);
        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await answer.Response.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(Encoding.UTF8.Preamble.ToArray());
        using var csv = CsvReader.Create(bytes);
        var titles = new List<string>();
        while (csv.Read())
        {
            csv.GetString("状态").ShouldBe("新上报");
            titles.Add(csv.GetString("标题"));
        }
        titles.Count.ShouldBe(2);
        titles[1].ShouldNotStartWith("=");

        var listed = (await _street.Host.Get("/api/issues?status=raised")).Body.GetProperty("total").GetInt64();
        listed.ShouldBe(titles.Count);
    }

    [Theory]
    [InlineData("format=pdf", "format")]
    [InlineData("", "format")]
    [InlineData("format=csv&status=solved", "status")]
    [InlineData("format=xlsx&sort=title", "sort")]
    [InlineData("format=csv&page=2", "page")]
    public async Task Bad_filters_are_400_as_in_the_list(string query, string field)
    {
        var answer = (await _street.Host.Get($"/api/issues/export?{query}")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        answer.Body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(answer.ToString());
    }

    [Fact]
    public async Task Reporters_and_assignees_may_not_export_and_another_streets_issues_are_not_in_it()
    {
        (await _street.Reporter.Get("/api/issues/export?format=csv")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Assignee.Get("/api/issues/export?format=csv")).ShouldHaveStatus(HttpStatusCode.Forbidden);

        var other = app.NewStreet();
        await other.Raise();
        var mine = await _street.Raise();
        var csv = await (await _street.Admin.Get("/api/issues/export?format=csv")).Response.Content.ReadAsStringAsync();
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        csv.ShouldContain(mine.ToString());
    }
}
