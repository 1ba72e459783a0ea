namespace IssueTracker.Host.Reliability;

/// <summary>
/// Refuses command bodies that are too large (413) or not JSON (415) before any endpoint reads them, and buffers the
/// accepted body so the idempotency check can hash it and the endpoint can still read it.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (Attachments.UploadLimits.IsUpload(request))
        {
            if (await Attachments.UploadLimits.Admit(context)) await next(context);
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await TooLarge(context);
            return;
        }
        if (request.ContentLength is not 0 && !IsJson(request.ContentType))
        {
            await Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send JSON",
                "Command bodies must be application/json.").ExecuteAsync(context);
            return;
        }

        var buffered = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffered.Length + read > MaxBodyBytes)
            {
                await TooLarge(context);
                return;
            }
            buffered.Write(chunk, 0, read);
        }
        if (buffered.Length > 0 && FirstNonWhitespace(buffered.GetBuffer().AsSpan(0, (int)buffered.Length)) != '{')
        {
            await Problems.Problem(StatusCodes.Status400BadRequest, "validation", "Invalid JSON body",
                "A command body must be a JSON object.").ExecuteAsync(context);
            return;
        }
        buffered.Position = 0;
        request.Body = buffered;
        request.ContentLength = buffered.Length;
        await next(context);
    }

    private static char FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        var start = body.StartsWith("\uFEFF"u8) ? 3 : 0;
        foreach (var b in body[start..])
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return (char)b;
        return '\0';
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static Task TooLarge(HttpContext context) =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Body too large",
            $"Command bodies may be at most {MaxBodyBytes / 1024} KiB.").ExecuteAsync(context);
}
