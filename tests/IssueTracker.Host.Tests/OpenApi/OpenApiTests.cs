using System.Net;

namespace IssueTracker.Host.Tests.OpenApi;

[Collection(AppCollection.Name)]
public class OpenApiTests(AppFixture app)
{
    [Fact]
    public async Task The_document_lists_every_endpoint_with_request_and_response_schemas()
    {
        var document = (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        var paths = document.GetProperty("paths");

        foreach (var command in new[] { "assign", "acknowledge", "decline", "progress", "resolve", "confirm", "reopen", "close", "withdraw", "duplicate" })
        {
            var post = paths.GetProperty($"/api/issues/{{issueId}}/{command}").GetProperty("post");
            post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue(command);
            post.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue(command);
        }
        paths.GetProperty("/api/issues").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _).ShouldBeTrue();
        paths.GetProperty("/api/issues").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/json", out _).ShouldBeTrue();
        paths.GetProperty("/api/issues/{issueId}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/json", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Health_endpoints_need_no_token()
    {
        var anonymous = app.NewStreet().Anonymous;
        (await anonymous.Get("/health/live")).ShouldHaveStatus(HttpStatusCode.OK);
        (await anonymous.Get("/health/ready")).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
