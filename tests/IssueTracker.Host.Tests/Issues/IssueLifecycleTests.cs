using System.Net;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class IssueLifecycleTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task An_issue_walks_from_raised_to_closed_and_its_details_follow_every_step()
    {
        var raised = await _street.Reporter.Post("/api/issues", Bodies.ParkingLock());
        raised.ShouldHaveStatus(HttpStatusCode.Created);
        raised.Version.ShouldBe(1);
        raised.Response.Headers.Location!.ToString().ShouldBe($"/api/issues/{raised.Id}");
        var id = raised.Id;
        await ShouldBe(id, "raised", 1);

        var steps = new (Client By, string Command, object Body, string Status)[]
        {
            (_street.Host, "assign", Bodies.Assign(), "assigned"),
            (_street.Assignee, "acknowledge", new { note = "收到" }, "acknowledged"),
            (_street.Assignee, "progress", new { note = "已联系车主拆除" }, "inProgress"),
            (_street.Assignee, "resolve", new { resolution = "地锁已全部拆除" }, "resolved"),
            (_street.Reporter, "confirm", new { satisfaction = "satisfied", comment = "居民满意" }, "confirmed"),
            (_street.Host, "close", new { reason = "" }, "closed"),
        };
        var version = 1;
        foreach (var (by, command, body, status) in steps)
        {
            var answer = (await by.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);
            answer.Id.ShouldBe(id);
            answer.Version.ShouldBe(++version);
            await ShouldBe(id, status, version);
        }
    }

    [Fact]
    public async Task An_unsatisfied_confirmation_reopens_the_issue_for_the_same_assignee()
    {
        var id = await ResolvedIssue();

        var answer = await _street.Reporter.Post($"/api/issues/{id}/confirm", new { satisfaction = "unsatisfied", comment = "地锁又装回来了" });

        answer.ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(7);
        var details = await ShouldBe(id, "reopened", 7);
        details.Text("reopenCount").ShouldBe("1");
        details.Text("assignee").ShouldBe(Street.PropertyCompany);
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_declined_assignment_goes_back_for_reassignment()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());

        (await _street.Assignee.Post($"/api/issues/{id}/decline", new { reason = "不属于本物业管理范围" }))
            .ShouldHaveStatus(HttpStatusCode.OK);

        var details = await ShouldBe(id, "declined", 3);
        details.Body.GetProperty("assignee").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        (await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(Street.OtherCompany))).ShouldHaveStatus(HttpStatusCode.OK);
        await ShouldBe(id, "assigned", 4);
    }

    [Fact]
    public async Task A_reporter_may_withdraw_what_they_raised_but_not_what_another_raised()
    {
        var id = await _street.Raise();

        (await _street.OtherReporter.Post($"/api/issues/{id}/withdraw", new { reason = "误报" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Reporter.Post($"/api/issues/{id}/withdraw", new { reason = "误报" })).ShouldHaveStatus(HttpStatusCode.OK);
        await ShouldBe(id, "withdrawn", 2);
    }

    [Fact]
    public async Task A_duplicate_points_at_an_existing_issue_of_the_same_street()
    {
        var original = await _street.Raise();
        var copy = await _street.Raise();
        var elsewhere = await app.NewStreet().Raise();

        (await _street.Host.Post($"/api/issues/{copy}/duplicate", new { of = elsewhere })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Host.Post($"/api/issues/{copy}/duplicate", new { of = original })).ShouldHaveStatus(HttpStatusCode.OK);

        var details = await ShouldBe(copy, "duplicate", 2);
        details.Text("duplicateOf").ShouldBe(original.ToString());
    }

    [Fact]
    public async Task The_list_filters_and_pages()
    {
        var parking = await _street.Raise();
        await _street.Raise(Bodies.LoosePoultry());
        await _street.Raise(Bodies.LeakingBuilding(community: "全椒路社区"));
        await _street.Host.Post($"/api/issues/{parking}/assign", Bodies.Assign());

        (await Total("/api/issues")).ShouldBe(3);
        (await Total("/api/issues?category=animals")).ShouldBe(1);
        (await Total("/api/issues?community=全椒路社区")).ShouldBe(1);
        (await Total("/api/issues?status=assigned&assignee=" + Street.PropertyCompany)).ShouldBe(1);
        (await Total("/api/issues?grid=12")).ShouldBe(1);
        var page = await _street.Host.Get("/api/issues?page=2&pageSize=2");
        page.Body.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.Text("total").ShouldBe("3");
        (await _street.Host.Get("/api/issues?status=nonsense")).ShouldHaveStatus(HttpStatusCode.BadRequest);
    }

    private async Task<long> Total(string url) =>
        (await _street.Auditor.Get(url)).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("total").GetInt64();

    private async Task<Guid> ResolvedIssue()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());
        await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { });
        await _street.Assignee.Post($"/api/issues/{id}/progress", new { note = "施工中" });
        (await _street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "已拆除" })).ShouldHaveStatus(HttpStatusCode.OK);
        return id;
    }

    private async Task<Answer> ShouldBe(Guid id, string status, int version)
    {
        var details = (await _street.Host.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
        details.Text("status").ShouldBe(status);
        details.Version.ShouldBe(version);
        details.Response.Headers.ETag!.ToString().ShouldBe(Preconditions.ETag(version));
        return details;
    }
}
