using System.Net;

namespace IssueTracker.Host.Tests.Open311;

[Collection(Open311Collection.Name)]
public class Open311OpenApiTests(Open311Fixture app)
{
    [Fact]
    public async Task The_document_describes_the_facade_in_its_own_wire_format()
    {
        var document = (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        var paths = document.GetProperty("paths");
        string[] routes =
        [
            "/open311/v2/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{code}.{format}",
            "/open311/v2/requests.{format}", "/open311/v2/requests/{id}.{format}", "/open311/v2/tokens/{token}.{format}",
            "/open311/v2/servicerequestupdates.{format}"
        ];
        foreach (var route in routes) paths.TryGetProperty(route, out _).ShouldBeTrue(route);

        var post = paths.GetProperty("/open311/v2/requests.{format}").GetProperty("post");
        post.GetProperty("tags")[0].GetString().ShouldBe("open311");
        post.GetProperty("security").GetArrayLength().ShouldBe(0);
        var form = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/x-www-form-urlencoded");
        form.GetProperty("schema").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["api_key", "service_code"]);
        foreach (var status in new[] { "400", "403", "404" })
            post.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema")
                .GetProperty("$ref").GetString().ShouldEndWith("Open311Errors");
        post.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/xml", out _).ShouldBeTrue();

        var updates = paths.GetProperty("/open311/v2/servicerequestupdates.{format}").GetProperty("get");
        updates.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("start_date");
        document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldContain("open311");
    }
}
