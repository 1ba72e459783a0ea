using System.Net;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class ProblemTests(AppFixture app)
{
    [Fact]
    public async Task Field_messages_and_detail_come_in_Chinese_for_Accept_Language_zh_and_codes_stay_the_same()
    {
        var street = app.NewStreet();
        var id = await street.Raise();

        var english = (await street.Host.Post($"/api/issues/{id}/assign", new { assignee = "" })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        var chinese = (await street.Host.Post($"/api/issues/{id}/assign", new { assignee = "" }, ("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);

        english.Body.GetProperty("errors").GetProperty("assignee")[0].GetString().ShouldBe("'assignee' is required.");
        chinese.Body.GetProperty("errors").GetProperty("assignee")[0].GetString().ShouldBe("「assignee」必填。");
        chinese.Body.GetProperty("title").GetString().ShouldBe("输入无效");
        foreach (var answer in new[] { english, chinese })
        {
            answer.ProblemType.ShouldBe("urn:issuetracker:problem:validation");
            answer.Body.GetProperty("code").GetString().ShouldBe("validation");
            answer.Body.GetProperty("errorCodes").GetProperty("assignee")[0].GetString().ShouldBe("required");
        }
        chinese.Response.Content.Headers.ContentLanguage.ShouldContain("zh-CN");
        english.Response.Content.Headers.ContentLanguage.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rule_problems_carry_their_code_in_both_languages()
    {
        var street = app.NewStreet();
        var id = await street.Raise();
        var conflict = (await street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "x" }, ("Accept-Language", "zh")))
            .ShouldHaveStatus(HttpStatusCode.Forbidden);
        conflict.Body.GetProperty("code").GetString().ShouldBe("forbidden");
        conflict.Body.GetProperty("title").GetString().ShouldBe("无权操作");

        var stale = (await street.Host.Post($"/api/issues/{id}/close", new { reason = "x" }, ("If-Match", "\"7\""), ("Accept-Language", "zh")))
            .ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        stale.Body.GetProperty("code").GetString().ShouldBe("precondition-failed");
        stale.Body.GetProperty("detail").GetString().ShouldBe("If-Match 与当前版本 \"1\" 不符。");

        var unauthorized = (await street.Anonymous.Get("/api/issues")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
        unauthorized.Body.GetProperty("code").GetString().ShouldBe("unauthorized");
    }

    [Fact]
    public async Task An_unknown_api_route_is_the_same_urn_404_and_a_non_uuid_id_is_404()
    {
        var street = app.NewStreet();
        foreach (var url in new[] { "/api/nothing-here", "/api/issues/not-a-uuid", $"/api/issues/{Guid.NewGuid()}" })
        {
            var answer = (await street.Reporter.Get(url)).ShouldHaveStatus(HttpStatusCode.NotFound);
            answer.ProblemType.ShouldBe("urn:issuetracker:problem:not-found", url);
            answer.Body.GetProperty("code").GetString().ShouldBe("not-found");
        }
    }
}
