using System.Net;

namespace IssueTracker.Host.Tests.Meetings;

[Collection(AppCollection.Name)]
public class MeetingOpenApiTests(AppFixture app)
{
    [Fact]
    public async Task The_document_lists_the_meeting_endpoints_with_request_and_response_schemas()
    {
        var paths = (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("paths");

        foreach (var command in new[] { "agenda", "attendance", "decisions", "conclude" })
        {
            var post = paths.GetProperty($"/api/meetings/{{meetingId}}/{command}").GetProperty("post");
            post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue(command);
            post.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue(command);
        }
        paths.GetProperty("/api/meetings").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _).ShouldBeTrue();
        paths.GetProperty("/api/meetings").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/json", out _).ShouldBeTrue();
        paths.GetProperty("/api/meetings/{meetingId}").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/json", out _).ShouldBeTrue();
    }
}
