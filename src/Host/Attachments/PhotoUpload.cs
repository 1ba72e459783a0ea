using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Attachments;

/// <summary>
/// Reads a multipart upload part by part: each file is copied to a temporary file (at most Attachments:MaxBytes),
/// cleaned and hashed there, so no file is ever held whole in memory. Disposing deletes the temporary files.
/// </summary>
public sealed class PhotoUpload : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "issuetracker-uploads", Guid.NewGuid().ToString("N"));
    private readonly List<CleanPhoto> _photos = [];

    public AttachmentStep? Step { get; private set; }
    public IReadOnlyList<CleanPhoto> Photos => _photos;

    /// <summary>
    /// The upload, or the problem that refuses it (then nothing was stored). Once the step is read, the issue's own rules
    /// may refuse it before the next file is processed: <paramref name="early"/>'s rejection, or more files than
    /// <paramref name="room"/> leaves in that step (the decide function checks both again on the whole upload).
    /// </summary>
    public static async Task<(PhotoUpload Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, PhotoProcessing processing,
        Func<AttachmentStep, Rejection?> early, Func<AttachmentStep, int> room, CancellationToken ct)
    {
        var upload = new PhotoUpload();
        Directory.CreateDirectory(upload._folder);
        try
        {
            return (upload, await upload.Read(request, processing, early, room, ct));
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !ct.IsCancellationRequested)
        {
            return (upload, Invalid("$", "The multipart body is malformed or incomplete."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (upload, UploadLimits.TooLarge(processing.Options));
        }
    }

    private async Task<ProblemHttpResult?> Read(HttpRequest request, PhotoProcessing processing, Func<AttachmentStep, Rejection?> early,
        Func<AttachmentStep, int> room, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send multipart/form-data",
                "Photos are uploaded as multipart/form-data with 'file' parts and a 'step'.");

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        var files = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                return Invalid("$", "Every part needs a 'Content-Disposition: form-data' header with a name.");
            switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
            {
                case "step":
                    var text = await ReadText(section.Body, ct);
                    if (ParseStep(text) is not { } step)
                        return Invalid("step", "'step' must be one of report, progress, resolution, other.");
                    Step = step;
                    if (early(step) is { } refusal) return Problems.For(refusal);
                    break;
                case "file":
                    if (++files > (Step is { } known ? room(known) : PhotoCounts.MaxPerStep))
                        return Invalid("file", $"A step holds at most {PhotoCounts.MaxPerStep} photos; this upload has more than fit.");
                    var received = Path.Combine(_folder, $"{files}.upload");
                    if (!await CopyAtMost(section.Body, received, processing.Options.MaxBytes, ct))
                        return UploadLimits.TooLarge(processing.Options);
                    var (photo, error) = processing.Clean(received, Path.Combine(_folder, $"{files}.clean"));
                    File.Delete(received);
                    if (photo is null) return Invalid("file", $"File {files} ('{FileName(disposition)}'): {error}");
                    _photos.Add(photo);
                    break;
                default:
                    return Invalid("$", "Only 'file' and 'step' parts are accepted.");
            }
        }
        return Step is null ? Invalid("step", "'step' is required: report, progress, resolution or other.") : null;
    }

    private static AttachmentStep? ParseStep(string? text) =>
        Enum.GetValues<AttachmentStep>().Cast<AttachmentStep?>().FirstOrDefault(s => IssueStatuses.JsonName(s!.Value.ToString()) == text);

    private static string FileName(ContentDispositionHeaderValue disposition) =>
        WebUtility.HtmlEncode(HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "");

    private static async Task<string?> ReadText(Stream body, CancellationToken ct)
    {
        var buffer = new byte[64];
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            if ((length += read) == buffer.Length) return null;
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    private static async Task<bool> CopyAtMost(Stream body, string path, long limit, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if ((total += read) > limit) return false;
            await file.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        return true;
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        Problems.For(new Validation().Add(field, message).ToRejection());

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
