using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Attachments;

[Collection(AppCollection.Name)]
public class AttachmentOpenApiTests(AppFixture app)
{
    [Fact]
    public async Task The_upload_is_described_as_multipart_and_the_photo_as_binary_images()
    {
        var paths = (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("paths");

        var upload = paths.GetProperty("/api/issues/{issueId}/attachments").GetProperty("post");
        upload.GetProperty("operationId").GetString().ShouldBe("attachPhotos");
        var content = upload.GetProperty("requestBody").GetProperty("content");
        content.EnumerateObject().Select(p => p.Name).ShouldBe(["multipart/form-data"]);
        var schema = content.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        schema.GetProperty("step").GetProperty("enum").EnumerateArray().Select(v => v.GetString())
            .ShouldBe(["report", "progress", "resolution", "other"]);
        schema.GetProperty("file").GetProperty("items").GetProperty("format").GetString().ShouldBe("binary");
        schema.GetProperty("file").GetProperty("maxItems").GetInt32().ShouldBe(9);
        Parameters(upload).ShouldContain("If-Match");
        Parameters(upload).ShouldContain("Idempotency-Key");
        upload.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").ValueKind.ShouldBe(JsonValueKind.Object);

        var photo = paths.GetProperty("/api/issues/{issueId}/attachments/{attachmentId}").GetProperty("get");
        photo.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["image/jpeg", "image/png", "image/webp"], ignoreOrder: true);
        Parameters(photo).ShouldContain("size");
    }

    private static List<string?> Parameters(JsonElement operation) =>
        [.. operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())];
}
