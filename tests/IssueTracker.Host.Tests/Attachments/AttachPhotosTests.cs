using System.Net;
using System.Security.Cryptography;
using IssueTracker.Domain.Issues;
using NetVips;

namespace IssueTracker.Host.Tests.Attachments;

[Collection(AppCollection.Name)]
public class AttachPhotosTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Theory]
    [InlineData("image/jpeg", "jpg")]
    [InlineData("image/png", "png")]
    [InlineData("image/webp", "webp")]
    public async Task A_photo_comes_back_with_the_SHA_256_its_event_recorded(string contentType, string extension)
    {
        var id = await _street.Raise();
        var bytes = contentType switch { "image/png" => TestImages.Png(), "image/webp" => TestImages.Webp(), _ => TestImages.Jpeg() };

        // Named as something else: the content decides what it is.
        var answer = (await _street.Reporter.Attach(id, "report", new Upload("IMG_0001.bin", bytes, "application/octet-stream")))
            .ShouldHaveStatus(HttpStatusCode.Created);

        answer.Version.ShouldBe(2);
        var item = answer.Body.GetProperty("items")[0];
        item.GetProperty("contentType").GetString().ShouldBe(contentType);
        (item.GetProperty("width").GetInt32(), item.GetProperty("height").GetInt32()).ShouldBe((300, 200));
        var attached = (await _street.EventsOf(id)).Select(e => e.Data).OfType<PhotoAttached>().Single();
        attached.Sha256.ShouldBe(item.GetProperty("sha256").GetString());
        attached.By.Id.ShouldBe("grid-12");
        attached.Step.ShouldBe(AttachmentStep.Report);

        using var response = await Download(id, attached.Id);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await response.Content.ReadAsByteArrayAsync();
        Convert.ToHexStringLower(SHA256.HashData(stored)).ShouldBe(attached.Sha256);
        stored.Length.ShouldBe((int)attached.Bytes);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        response.Headers.ETag!.Tag.ShouldBe($"\"{attached.Sha256}\"");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        response.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe($"{attached.Id}.{extension}");

        var details = (await _street.OtherReporter.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
        var listed = details.Body.GetProperty("attachments")[0];
        listed.GetProperty("id").GetGuid().ShouldBe(attached.Id);
        listed.GetProperty("step").GetString().ShouldBe("report");
        listed.GetProperty("sha256").GetString().ShouldBe(attached.Sha256);
        listed.GetProperty("addedBy").GetProperty("id").GetString().ShouldBe("grid-12");
        (await _street.Auditor.Get($"/api/issues/{id}/history")).Body.EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .ShouldBe(["issue_raised", "photo_attached"]);
    }

    [Fact]
    public async Task A_phone_photo_loses_its_EXIF_and_GPS_but_keeps_its_orientation()
    {
        var phone = TestImages.PhoneJpegWithGps();
        using (var original = Image.NewFromBuffer(phone))
        {
            original.GetFields().ShouldContain(TestImages.GpsLatitude, "the test photo really carries a GPS position");
            ((int)original.Get("orientation")).ShouldBe(6);
        }
        var id = await _street.Raise();
        var item = (await _street.Reporter.Attach(id, "report", new Upload("home.jpg", phone))).ShouldHaveStatus(HttpStatusCode.Created)
            .Body.GetProperty("items")[0];

        using var response = await Download(id, item.GetProperty("id").GetGuid());
        using var stored = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());

        stored.GetFields().ShouldNotContain("exif-data");
        stored.GetFields().ShouldNotContain(f => f.StartsWith("exif-") || f == "orientation" || f == "xmp-data" || f == "icc-profile-data");
        (stored.Width, stored.Height).ShouldBe((200, 300), "turned upright: portrait");
        (item.GetProperty("width").GetInt32(), item.GetProperty("height").GetInt32()).ShouldBe((200, 300));
        Red(stored.Getpoint(100, 20)).ShouldBeTrue("the red half is on top once the orientation is applied");
        Red(stored.Getpoint(100, 280)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_thumbnail_is_at_most_320_pixels()
    {
        var id = await _street.Raise();
        var item = (await _street.Reporter.Attach(id, "report", new Upload("big.jpg", TestImages.Jpeg(1200, 800))))
            .ShouldHaveStatus(HttpStatusCode.Created).Body.GetProperty("items")[0];

        using var response = await Download(id, item.GetProperty("id").GetGuid(), "?size=thumb");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        using var thumb = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
        (thumb.Width, thumb.Height).ShouldBe((320, 213));
    }

    [Fact]
    public async Task A_cached_photo_is_not_sent_again()
    {
        var id = await _street.Raise();
        var item = (await _street.Reporter.Attach(id, "report", new Upload("a.jpg", TestImages.Jpeg())))
            .ShouldHaveStatus(HttpStatusCode.Created).Body.GetProperty("items")[0];

        using var again = await Download(id, item.GetProperty("id").GetGuid(), "", ("If-None-Match", $"\"{item.GetProperty("sha256").GetString()}\""));
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Several_files_in_one_request_append_one_event_each_and_count_towards_nine_per_step()
    {
        var id = await _street.Raise();

        var answer = (await _street.Reporter.Attach(id, "report", Uploads.Photos(5))).ShouldHaveStatus(HttpStatusCode.Created);
        answer.Body.GetProperty("items").GetArrayLength().ShouldBe(5);
        answer.Version.ShouldBe(6);
        (await _street.Host.Attach(id, "report", Uploads.Photos(4))).ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Host.Attach(id, "other", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created);

        var tenth = await _street.Host.Attach(id, "report", Uploads.Photos(1));

        tenth.ShouldHaveStatus(HttpStatusCode.BadRequest);
        tenth.Body.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("9");
        (await _street.EventsOf(id)).Count.ShouldBe(11);
        (await Uploads.StoredFiles(_street.Id)).ShouldBe(10);
    }

    [Fact]
    public async Task The_assigned_organisation_documents_its_work_while_it_works_on_the_issue()
    {
        var id = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);

        (await _street.Assignee.Attach(id, "progress", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Assignee.Attach(id, "progress", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Assignee.Attach(id, "resolution", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Assignee.Attach(id, "report", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Reporter.Attach(id, "resolution", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Host.Attach(id, "resolution", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Created);

        var details = (await _street.Host.Get($"/api/issues/{id}")).Body;
        details.GetProperty("status").GetString().ShouldBe("acknowledged", "a photo changes no status");
        details.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("step").GetString())
            .ShouldBe(["progress", "resolution", "resolution"]);
    }

    [Fact]
    public async Task If_match_and_idempotency_keys_hold_as_for_every_command()
    {
        var id = await _street.Raise();
        var photo = new Upload("a.jpg", TestImages.Jpeg());

        var stale = await _street.Reporter.Send(HttpMethod.Post, $"/api/issues/{id}/attachments", Uploads.Body("report", photo), ("If-Match", "\"7\""));
        stale.ShouldHaveStatus(HttpStatusCode.PreconditionFailed);

        var body = Uploads.Body("report", photo);
        var bytes = await body.ReadAsByteArrayAsync();
        Task<Answer> Send() => _street.Reporter.Send(HttpMethod.Post, $"/api/issues/{id}/attachments", Same(body, bytes),
            ("If-Match", "\"1\""), ("Idempotency-Key", "photo-1"));
        var first = (await Send()).ShouldHaveStatus(HttpStatusCode.Created);
        var replay = (await Send()).ShouldHaveStatus(HttpStatusCode.Created);

        replay.Response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        replay.Body.ToString().ShouldBe(first.Body.ToString());
        (await _street.EventsOf(id)).Count.ShouldBe(2);
        (await Uploads.StoredFiles(_street.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_retried_upload_is_the_same_request_whatever_boundary_the_client_draws()
    {
        var id = await _street.Raise();
        var photo = new Upload("a.jpg", TestImages.Jpeg());
        Task<Answer> Send(MultipartFormDataContent body) => _street.Reporter.Send(HttpMethod.Post, $"/api/issues/{id}/attachments",
            body, ("If-Match", "\"1\""), ("Idempotency-Key", "photo-retry"));

        var first = (await Send(Uploads.Body("report", photo))).ShouldHaveStatus(HttpStatusCode.Created);
        var retry = (await Send(Uploads.Body("report", photo))).ShouldHaveStatus(HttpStatusCode.Created);
        retry.Response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Body.ToString().ShouldBe(first.Body.ToString());

        var other = (await Send(Uploads.Body("report", new Upload("a.jpg", TestImages.Jpeg(width: 33))))).ShouldHaveStatus((HttpStatusCode)422);
        other.ProblemType!.ShouldEndWith("idempotency-key-reused");
        (await Send(Uploads.Body("progress", photo))).ShouldHaveStatus((HttpStatusCode)422);
        (await _street.EventsOf(id)).Count.ShouldBe(2);
    }

    private static ByteArrayContent Same(MultipartFormDataContent template, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = template.Headers.ContentType;
        return content;
    }

    private static bool Red(double[] pixel) => pixel[0] > 150 && pixel[2] < 80;

    private async Task<HttpResponseMessage> Download(Guid issue, Guid attachment, string query = "", params (string, string)[] headers)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/issues/{issue}/attachments/{attachment}{query}");
        request.Headers.Authorization = new("Bearer", _street.OtherReporter.Token);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request);
    }
}
