using System.Text.RegularExpressions;
using IssueTracker.Domain.Issues;
using Microsoft.AspNetCore.Http.Features;

namespace IssueTracker.Host.Attachments;

/// <summary>
/// Photo uploads are the one write body that is not JSON: exempt from the 64 KiB command limit, they may carry up to
/// 9 files of Attachments:MaxBytes each (plus the multipart framing), refused with 413 beyond that.
/// </summary>
public static partial class UploadLimits
{
    private const long Framing = 1024 * 1024;

    public static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
                                           && UploadRoute().IsMatch(request.Path.Value ?? "");

    public static long MaxBody(AttachmentOptions options) => PhotoCounts.MaxPerStep * options.MaxBytes + Framing;

    /// <summary>Answers 413 for a declared length over the limit, else makes the server stop reading past it.</summary>
    public static async Task<bool> Admit(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<AttachmentOptions>();
        if (context.Request.ContentLength > MaxBody(options))
        {
            await TooLarge(options).ExecuteAsync(context);
            return false;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBody(options);
        return true;
    }

    public static ProblemHttpResult TooLarge(AttachmentOptions options) =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Photo too large",
            $"Each photo may be at most {options.MaxBytes / (1024 * 1024.0):0.#} MiB, and an upload at most {PhotoCounts.MaxPerStep} photos.");

    [GeneratedRegex("^/api/issues/[^/]+/attachments/?$", RegexOptions.IgnoreCase)]
    private static partial Regex UploadRoute();
}
