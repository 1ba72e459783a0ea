using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.IssueDetails;
using Marten;
using Npgsql;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class ListIssuesTests(AppFixture app)
{
    private static string[] Titles(Answer answer) =>
        answer.ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

    [Fact]
    public async Task Q_finds_two_character_Chinese_words_and_words_in_description_compound_and_building()
    {
        var street = app.NewStreet();
        await street.Raise();
        await street.Raise(Bodies.LoosePoultry());
        await street.Raise(Bodies.LeakingBuilding());

        Titles(await street.Reporter.Get("/api/issues?q=地锁")).ShouldBe(["明光小区地锁占道"]);
        Titles(await street.Reporter.Get("/api/issues?q=" + Uri.EscapeDataString("鸡鸭"))).ShouldBe(["群力新村散养家禽"]);
        Titles(await street.Reporter.Get("/api/issues?q=矿机二村")).ShouldBe(["矿机二村老楼漏水"]);
        Titles(await street.Reporter.Get("/api/issues?q=5栋")).ShouldBe(["群力新村散养家禽"]);
        Titles(await street.Reporter.Get("/api/issues?q=漏")).ShouldBe(["矿机二村老楼漏水"]);
        Titles(await street.Reporter.Get("/api/issues?q=" + Uri.EscapeDataString("地锁 消防"))).ShouldBe(["明光小区地锁占道"]);
        Titles(await street.Reporter.Get("/api/issues?q=锁地")).ShouldBeEmpty("both bigrams of 锁地 are absent: no false hit");
    }

    [Fact]
    public async Task Mine_means_raised_by_me_or_assigned_to_my_organisation()
    {
        var street = app.NewStreet();
        var mine = await street.Raise();
        (await street.OtherReporter.Post("/api/issues", Bodies.LoosePoultry())).ShouldHaveStatus(HttpStatusCode.Created);
        (await street.Host.Post($"/api/issues/{mine}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);

        Titles(await street.Reporter.Get("/api/issues?raisedBy=me")).ShouldBe(["明光小区地锁占道"]);
        Titles(await street.OtherReporter.Get("/api/issues?raisedBy=me")).ShouldBe(["群力新村散养家禽"]);
        Titles(await street.Host.Get("/api/issues?raisedBy=grid-07")).ShouldBe(["群力新村散养家禽"]);
        (await street.Reporter.Get("/api/issues?raisedBy=grid-07")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        Titles(await street.Assignee.Get("/api/issues?assignee=me")).ShouldBe(["明光小区地锁占道"]);
        Titles(await street.OtherAssignee.Get("/api/issues?assignee=me")).ShouldBeEmpty();
        (await street.Host.Get("/api/issues?assignee=me")).ShouldHaveStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Raised_between_and_each_sort_order()
    {
        var street = app.NewStreet();
        var first = await street.Raise();
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var second = await street.Raise(Bodies.LoosePoultry());
        (await street.Host.Post($"/api/issues/{first}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);

        var from = Uri.EscapeDataString(between.ToString("O"));
        Titles(await street.Reporter.Get($"/api/issues?raisedFrom={from}")).ShouldBe(["群力新村散养家禽"]);
        Titles(await street.Reporter.Get($"/api/issues?raisedTo={from}")).ShouldBe(["明光小区地锁占道"]);
        // The same instant written in the street's own offset (a 500 from Npgsql once).
        var inShanghai = Uri.EscapeDataString(between.ToOffset(TimeSpan.FromHours(8)).ToString("O"));
        Titles(await street.Reporter.Get($"/api/issues?raisedFrom={inShanghai}")).ShouldBe(["群力新村散养家禽"]);
        var export = await (await street.Auditor.Get($"/api/issues/export?format=csv&raisedTo={inShanghai}"))
            .ShouldHaveStatus(HttpStatusCode.OK).Response.Content.ReadAsStringAsync();
        export.ShouldContain("明光小区地锁占道");
        export.ShouldNotContain("群力新村散养家禽");
        Titles(await street.Reporter.Get("/api/issues?sort=raisedAt")).ShouldBe(["明光小区地锁占道", "群力新村散养家禽"]);
        Titles(await street.Reporter.Get("/api/issues?sort=-raisedAt")).ShouldBe(["群力新村散养家禽", "明光小区地锁占道"]);
        Titles(await street.Reporter.Get("/api/issues?sort=-updatedAt")).ShouldBe(["明光小区地锁占道", "群力新村散养家禽"]);
        Titles(await street.Reporter.Get("/api/issues?sort=dueBy")).ShouldBe(["明光小区地锁占道", "群力新村散养家禽"]);
        second.ShouldNotBe(first);
    }

    [Theory]
    [InlineData("page=0", "page", "outOfRange")]
    [InlineData("pageSize=0", "pageSize", "outOfRange")]
    [InlineData("pageSize=201", "pageSize", "outOfRange")]
    [InlineData("page=10737420&pageSize=200", "page", "outOfRange")]
    [InlineData("page=501&pageSize=200", "page", "outOfRange")]
    [InlineData("sort=title", "sort", "unknownValue")]
    [InlineData("status=open", "status", "unknownValue")]
    [InlineData("raisedFrom=2026-12-02T00:00:00Z&raisedTo=2026-12-01T00:00:00Z", "raisedTo", "outOfRange")]
    [InlineData("raisedBy2=me", "raisedBy2", "unknownParameter")]
    [InlineData("search=地锁", "search", "unknownParameter")]
    public async Task Bad_list_parameters_are_400_with_a_field_code(string query, string field, string code)
    {
        var answer = (await app.NewStreet().Reporter.Get("/api/issues?" + query)).ShouldHaveStatus(HttpStatusCode.BadRequest);
        answer.Body.GetProperty("code").GetString().ShouldBe("validation");
        answer.Body.GetProperty("errorCodes").GetProperty(field)[0].GetString().ShouldBe(code);
        answer.Body.GetProperty("errors").GetProperty(field).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task The_last_allowed_window_is_answered()
    {
        var page = (await app.NewStreet().Reporter.Get("/api/issues?page=500&pageSize=200")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        page.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Q_finds_the_parking_lock_among_ten_thousand_issues_through_the_index()
    {
        var street = app.NewStreet();
        var by = new Actor("grid-12", "网格员小陈", Roles.Reporter, null);
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        await using (var session = app.Store.LightweightSession(street.Id))
        {
            string[] compounds = ["矿机二村", "群力新村", "来安花园", "东来家园", "供水小区"];
            string[] problems = ["楼道照明损坏", "下水道堵塞", "绿化带被占", "电动车楼道充电", "垃圾清运不及时", "外墙渗水", "噪音扰民"];
            for (var i = 0; i < 10_000; i++)
            {
                var compound = compounds[i % compounds.Length];
                session.Events.StartStream<Issue>(Guid.CreateVersion7(), new IssueRaised($"{compound}{problems[i % problems.Length]} #{i}",
                    "居民反映情况，请尽快处理。", IssueCategory.Other, new Location("明光社区", compound, $"{i % 40 + 1}栋", i % 34 + 1),
                    null, Urgency.Normal, [], by, at.AddMinutes(i)));
            }
            await session.SaveChangesAsync();
        }
        await street.Raise();

        Titles(await street.Reporter.Get("/api/issues?q=地锁")).ShouldBe(["明光小区地锁占道"]);

        await using var query = app.Store.QuerySession(street.Id);
        var command = query.Query<IssueDetails>().Where(x => x.SearchGrams!.Contains("地锁"))
            .Where(x => x.Title.Contains("地锁", StringComparison.OrdinalIgnoreCase)).ToCommand();
        var plan = await Explain(command);
        Console.WriteLine(plan);
        plan.ShouldContain("Index Scan");
        plan.ShouldNotContain("Seq Scan");
    }

    private static async Task<string> Explain(NpgsqlCommand command)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("analyze", connection)) await analyze.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("explain (analyze, costs off) " + command.CommandText, connection);
        foreach (NpgsqlParameter p in command.Parameters) explain.Parameters.Add(p.Clone());
        var lines = new List<string> { command.CommandText };
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join('\n', lines);
    }
}
