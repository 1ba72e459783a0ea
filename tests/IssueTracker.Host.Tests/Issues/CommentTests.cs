using System.Net;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class CommentTests(AppFixture app)
{
    [Fact]
    public async Task Comments_show_in_the_details_and_the_history_without_moving_the_issue()
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);

        (await street.Reporter.Post($"/api/issues/{id}/comments", new { text = "居民反映地锁又装上了" })).ShouldHaveStatus(HttpStatusCode.OK)
            .Version.ShouldBe(3);
        (await street.Assignee.Post($"/api/issues/{id}/comments", new { text = "明天上午到现场" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await street.OtherAssignee.Post($"/api/issues/{id}/comments", new { text = "x" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await street.Auditor.Post($"/api/issues/{id}/comments", new { text = "x" })).ShouldHaveStatus(HttpStatusCode.Forbidden);

        var details = (await street.Reporter.Get($"/api/issues/{id}")).Body;
        details.GetProperty("status").GetString().ShouldBe("assigned");
        details.GetProperty("comments").EnumerateArray().Select(c => $"{c.GetProperty("by")}: {c.GetProperty("text")}")
            .ShouldBe(["网格员小陈: 居民反映地锁又装上了", "物业小张: 明天上午到现场"]);
        var history = (await street.Auditor.Get($"/api/issues/{id}/history")).Body;
        history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldContain("comment_added");
    }

    [Fact]
    public async Task A_closed_issue_takes_no_comment()
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        (await street.Host.Post($"/api/issues/{id}/close", new { reason = "已协调解决" })).ShouldHaveStatus(HttpStatusCode.OK);

        var refused = (await street.Reporter.Post($"/api/issues/{id}/comments", new { text = "还有问题" })).ShouldHaveStatus(HttpStatusCode.Conflict);
        refused.Body.GetProperty("code").GetString().ShouldBe("invalid-transition");
        (await street.EventsOf(id)).Count.ShouldBe(2);
    }
}
