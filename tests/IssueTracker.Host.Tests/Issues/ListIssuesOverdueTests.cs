using System.Net;
using IssueTracker.Host.Tests.Boards;
using IssueTracker.Host.Tests.Deadlines;

namespace IssueTracker.Host.Tests.Issues;

/// <summary>?overdue= on the issue list is OverdueRule in both directions: each issue is in exactly one of the two lists.</summary>
[Collection(ClockCollection.Name)]
public class ListIssuesOverdueTests(ClockFixture app)
{
    private readonly Street _street = app.NewStreet();
    private readonly DateTimeOffset _start = app.Clock.GetUtcNow();

    [Fact]
    public async Task Overdue_true_and_false_split_the_issues_by_the_overdue_rule()
    {
        await _street.Raise(new { title = "未交办", category = "parking", location = new { community = "明光社区" } });
        await Assigned("尚未到期", dueInHours: 10);
        await Assigned("已过期", dueInHours: 2);
        var resolved = await Assigned("按期办结", dueInHours: 2);
        await Ok(_street.Assignee, resolved, "acknowledge", new { });
        await Ok(_street.Assignee, resolved, "resolve", new { resolution = "已处理" });

        await app.AdvanceAsync(_start.AddHours(3) - app.Clock.GetUtcNow());
        await app.CaughtUp();

        (await Titles("true")).ShouldBe(["已过期"]);
        (await Titles("false")).ShouldBe(["尚未到期", "按期办结", "未交办"], ignoreOrder: true);
    }

    private async Task<Guid> Assigned(string title, int dueInHours)
    {
        var id = await _street.Raise(new { title, category = "parking", location = new { community = "明光社区" } });
        await Ok(_street.Host, id, "assign", Bodies.Assign(Street.PropertyCompany, _start.AddHours(dueInHours)));
        return id;
    }

    private async Task<string?[]> Titles(string overdue) =>
        (await _street.Reporter.Get($"/api/issues?overdue={overdue}")).ShouldHaveStatus(HttpStatusCode.OK).Body
        .GetProperty("items").EnumerateArray().Select(x => x.GetProperty("title").GetString()).ToArray();

    private static async Task Ok(Client by, Guid id, string command, object body) =>
        (await by.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);
}
