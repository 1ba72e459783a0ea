using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Tests.Boards;

namespace IssueTracker.Host.Tests.Deadlines;

/// <summary>
/// Issue 8's done-when: the boards' overdue counts, flags and on-time rates match the deadline events that real timers
/// record as the controlled clock passes the deadlines. Five issues, two organisations, hours from the test's start:
/// parking lock (红色物业, due 72) on time and satisfied; poultry (红色物业, due 48) acknowledged late, resolution missed
/// (second miss: 督办), resolved late, basically satisfied; leak (安居物业, due 72) on time, unsatisfied so reopened;
/// car park (红色物业, due 40) misses its resolution and stays open; stray dogs (安居物业, then 红色物业, due 100)
/// misses its acknowledgement, is reassigned and acknowledged.
/// </summary>
[Collection(ClockCollection.Name)]
public class PerformanceBoardTests(ClockFixture app)
{
    private readonly Street _street = app.NewStreet();
    private readonly DateTimeOffset _start = app.Clock.GetUtcNow();
    private const string Other = Street.OtherCompany;

    [Fact]
    public async Task Overdue_counts_flags_and_on_time_rates_follow_the_deadline_events()
    {
        var parking = await Assigned("明光小区地锁占道", "parking", "明光社区", Street.PropertyCompany, 72);
        var poultry = await Assigned("群力新村散养家禽", "animals", "明光社区", Street.PropertyCompany, 48);
        var leak = await Assigned("矿机二村老楼漏水", "repairs", "全椒路社区", Other, 72);
        var carPark = await Assigned("来安花园车位被占", "parking", "全椒路社区", Street.PropertyCompany, 40);
        var dogs = await Assigned("东来家园流浪犬", "animals", "全椒路社区", Other, 100);

        await At(1);
        await Ok(_street.Assignee, parking, "acknowledge", new { });
        await Ok(_street.OtherAssignee, leak, "acknowledge", new { });
        await Ok(_street.Assignee, carPark, "acknowledge", new { });
        await At(2);
        await Ok(_street.Assignee, parking, "resolve", new { resolution = "地锁已拆除" });
        await Ok(_street.OtherAssignee, leak, "resolve", new { resolution = "屋顶已修补" });
        await At(3);
        await Ok(_street.Reporter, parking, "confirm", new { satisfaction = "satisfied" });
        await Ok(_street.Reporter, leak, "confirm", new { satisfaction = "unsatisfied", comment = "雨天仍漏" });

        await At(24);
        await ShouldBeOverdue("群力新村散养家禽 | assigned | overdue True", "东来家园流浪犬 | assigned | overdue True");
        (await _street.Items($"/api/boards/assignees/{Street.PropertyCompany}")).ShouldBe([
            "来安花园车位被占 | acknowledged | overdue False", "群力新村散养家禽 | assigned | overdue True"]);
        (await _street.Items($"/api/boards/assignees/{Other}")).ShouldBe([
            "矿机二村老楼漏水 | reopened | overdue False", "东来家园流浪犬 | assigned | overdue True"]);

        await At(26);
        await Ok(_street.Host, dogs, "assign", Bodies.Assign(Street.PropertyCompany, Due(100)));
        await Ok(_street.Assignee, dogs, "acknowledge", new { });
        await At(30);
        await Ok(_street.Assignee, poultry, "acknowledge", new { });
        await ShouldBeOverdue();

        await At(40);
        await At(48);
        (await _street.EventsOf(poultry)).Select(e => e.Data).OfType<IssueEscalated>().ShouldHaveSingleItem()
            .Reason.ShouldBe(EscalationReason.SecondMissedDeadline);
        await ShouldBeOverdue("来安花园车位被占 | acknowledged | overdue True",
            "群力新村散养家禽 | acknowledged | overdue True | 督办 streetLeadership");
        (await WithoutMedians("community")).ShouldBe([
            "全椒路社区: acknowledged=2 reopened=1 | overdue 1 | total 3", "明光社区: acknowledged=1 confirmed=1 | overdue 1 | total 2"]);

        await At(50);
        await Ok(_street.Assignee, poultry, "resolve", new { resolution = "已劝离散养家禽" });
        await Ok(_street.Reporter, poultry, "confirm", new { satisfaction = "basicallySatisfied" });

        await ShouldBeOverdue("来安花园车位被占 | acknowledged | overdue True");
        (await WithoutMedians("community")).ShouldBe([
            "全椒路社区: acknowledged=2 reopened=1 | overdue 1 | total 3", "明光社区: confirmed=2 | overdue 0 | total 2"]);
        (await WithoutMedians("category")).ShouldBe([
            "animals: acknowledged=1 confirmed=1 | overdue 0 | total 2", "parking: acknowledged=1 confirmed=1 | overdue 1 | total 2",
            "repairs: reopened=1 | overdue 0 | total 1"]);
        (await _street.Items($"/api/boards/assignees/{Street.PropertyCompany}")).ShouldBe([
            "来安花园车位被占 | acknowledged | overdue True", "东来家园流浪犬 | acknowledged | overdue False"]);
        (await _street.Items($"/api/boards/assignees/{Other}")).ShouldBe(["矿机二村老楼漏水 | reopened | overdue False"]);

        var (organisations, categories) = await _street.Performance();
        organisations.ShouldBe([
            "anju-wuye: open 1 overdue 0 | resolved 1 on time 1 rate 1 | ratings 0/0/1",
            "hongse-wuye: open 2 overdue 1 | resolved 2 on time 1 rate 0.5 | ratings 1/1/0"]);
        categories.ShouldBe(["animals: 0/1/0", "parking: 1/0/0", "repairs: 0/0/1"]);
    }

    /// <summary>The overdue board, and the issue list filtered the same way (the two read models agree).</summary>
    private async Task ShouldBeOverdue(params string[] lines)
    {
        await app.CaughtUp();
        (await _street.Items("/api/boards/overdue")).ShouldBe(lines);
        var listed = (await _street.Reporter.Get("/api/issues?overdue=true")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        listed.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("title").GetString()).Order()
            .ShouldBe(lines.Select(l => l[..l.IndexOf(" |", StringComparison.Ordinal)]).Order());
    }

    private async Task<string[]> WithoutMedians(string groupBy) =>
        (await _street.StatusBoard(groupBy)).Select(r => r[..r.LastIndexOf(" | median", StringComparison.Ordinal)]).ToArray();

    private async Task<Guid> Assigned(string title, string category, string community, string org, int dueInHours)
    {
        var id = await _street.Raise(new { title, category, location = new { community, grid = 7 }, urgency = "normal" });
        await Ok(_street.Host, id, "assign", Bodies.Assign(org, Due(dueInHours)));
        return id;
    }

    private DateTimeOffset Due(int hours) => _start.AddHours(hours);

    /// <summary>Moves the clock to the given hour after the start, letting the timers due by then fire.</summary>
    private async Task At(int hours)
    {
        await app.AdvanceAsync(_start.AddHours(hours) - app.Clock.GetUtcNow());
        await app.CaughtUp();
    }

    private static async Task Ok(Client by, Guid id, string command, object body) =>
        (await by.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);
}
