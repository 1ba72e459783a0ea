using IssueTracker.Projections.IssueDetails;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Attachments;

public static class GetAttachmentEndpoint
{
    public const int ThumbnailSize = 320;

    /// <summary>
    /// The photo (or, with ?size=thumb, a ≤ 320 px rendition) for anyone who may see the issue. Its bytes never change
    /// (the ETag is their SHA-256), so browsers may keep it for a year, privately: it is evidence, not a public asset.
    /// </summary>
    [WolverineGet("/api/issues/{issueId}/attachments/{attachmentId}")]
    [ProducesResponseType(typeof(FileStreamResult), StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    public static async Task<IResult> Get(Guid issueId, Guid attachmentId, string? size, IQuerySession session, IAttachmentStore store,
        ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        if (size is not (null or "thumb"))
            return Problems.For(new Domain.Shared.Validation().Add("size", "'size' may only be 'thumb'.").ToRejection());
        var details = await session.LoadAsync<IssueDetails>(issueId, ct);
        if (details?.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment) return Problems.NotFound("attachment");

        var thumb = size == "thumb";
        var etag = $"\"{attachment.Sha256}{(thumb ? "-thumb" : "")}\"";
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "private, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Any(v => v?.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*") == true))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var stored = await store.OpenReadAsync(user.FindFirstValue(Claims.Street)!, attachmentId, ct);
        if (stored is null) return Problems.NotFound("stored file for that attachment");
        var name = $"{attachmentId}{(thumb ? "-thumb" : "")}.{attachment.ContentType["image/".Length..]}".Replace("jpeg", "jpg");
        headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = name }.ToString();
        if (!thumb) return TypedResults.Stream(stored, attachment.ContentType);
        await using (stored)
            return TypedResults.Bytes(PhotoProcessing.Thumbnail(stored, attachment.ContentType, ThumbnailSize), attachment.ContentType);
    }
}
