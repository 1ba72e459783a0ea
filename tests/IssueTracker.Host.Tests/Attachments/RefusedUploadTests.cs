using System.Net;

namespace IssueTracker.Host.Tests.Attachments;

/// <summary>Each bad upload is a clear 4xx, and nothing is appended or stored.</summary>
[Collection(AppCollection.Name)]
public class RefusedUploadTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    public static TheoryData<string, int> BadFiles() => new()
    {
        { "text named .jpg", 400 }, { "truncated JPEG", 400 }, { "20000 x 20000 PNG bomb", 400 }, { "11 MiB", 413 }
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_nothing_appended_or_stored(string file, int status)
    {
        var id = await _street.Raise();
        var bytes = file switch
        {
            "text named .jpg" => "这不是照片 — just text"u8.ToArray(),
            "truncated JPEG" => TestImages.NoisyJpeg(0.2)[..60_000],
            "20000 x 20000 PNG bomb" => TestImages.PngBomb(),
            _ => [.. TestImages.Jpeg(), .. new byte[11 * 1024 * 1024]]
        };
        if (file.Contains("bomb")) bytes.Length.ShouldBeLessThan(100_000);

        var answer = await _street.Reporter.Attach(id, "report", new Upload("photo.jpg", TestImages.Jpeg()), new Upload("photo.jpg", bytes));

        answer.ShouldHaveStatus((HttpStatusCode)status);
        answer.ProblemType.ShouldStartWith("urn:issuetracker:problem:");
        await NothingChanged(id);
    }

    [Fact]
    public async Task Ten_files_in_one_request_are_refused()
    {
        var id = await _street.Raise();
        var answer = await _street.Reporter.Attach(id, "report", Uploads.Photos(10));
        answer.ShouldHaveStatus(HttpStatusCode.BadRequest);
        await NothingChanged(id);
    }

    [Fact]
    public async Task Another_street_s_issue_is_not_found()
    {
        var id = await _street.Raise();
        var other = app.NewStreet();
        (await other.Host.Attach(id, "report", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await other.Host.Get($"/api/issues/{id}/attachments/{Guid.NewGuid()}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        await NothingChanged(id);
        (await Uploads.StoredFiles(other.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_assignee_of_another_organisation_is_forbidden()
    {
        var id = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);

        (await _street.OtherAssignee.Attach(id, "progress", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Forbidden);

        (await _street.EventsOf(id)).Count.ShouldBe(3);
        (await Uploads.StoredFiles(_street.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("before")]
    public async Task A_missing_or_unknown_step_is_invalid(string? step)
    {
        var id = await _street.Raise();
        var answer = await _street.Reporter.Send(HttpMethod.Post, $"/api/issues/{id}/attachments",
            Uploads.Body(step, new Upload("a.jpg", TestImages.Jpeg())));
        answer.ShouldHaveStatus(HttpStatusCode.BadRequest);
        answer.Body.GetProperty("errors").TryGetProperty("step", out _).ShouldBeTrue(answer.ToString());
        await NothingChanged(id);
    }

    [Fact]
    public async Task A_json_body_is_not_an_upload()
    {
        var id = await _street.Raise();
        (await _street.Reporter.Post($"/api/issues/{id}/attachments", new { step = "report" }))
            .ShouldHaveStatus(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_ended_issue_takes_no_photos()
    {
        var id = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{id}/withdraw", new { reason = "已解决" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Attach(id, "other", Uploads.Photos(1))).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await Uploads.StoredFiles(_street.Id)).ShouldBe(0);
    }

    private async Task NothingChanged(Guid id)
    {
        (await _street.EventsOf(id)).Count.ShouldBe(1);
        (await Uploads.StoredFiles(_street.Id)).ShouldBe(0);
    }
}
