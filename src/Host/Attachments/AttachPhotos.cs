using IssueTracker.Domain.Issues;
using IssueTracker.Host.Reliability;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Attachments;

public sealed record AttachedPhoto(Guid Id, string Sha256, string ContentType, long Bytes, int Width, int Height);

public sealed record PhotosAttached(IReadOnlyList<AttachedPhoto> Items, Guid Id, int Version);

public static class AttachPhotosEndpoint
{
    public const string Who = "reporter,host,admin,assignee";

    /// <summary>
    /// Cleans every file first (any bad one refuses the whole upload, storing nothing), then stores the bytes, then
    /// appends one PhotoAttached per file: bytes whose event does not commit are orphans for the sweep.
    /// </summary>
    [WolverinePost("/api/issues/{issueId}/attachments"), Authorize(Roles = Who)]
    public static async Task<(Results<Created<PhotosAttached>, ProblemHttpResult>, Events)> Post(
        [Aggregate] Issue issue, HttpRequest request, ClaimsPrincipal user, PhotoProcessing processing, IAttachmentStore store,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (request.IfMatchFails(issue.Version) is { } stale) return (stale, []);
        var by = user.ToActor();
        var (upload, problem) = await PhotoUpload.ReadAsync(request, processing, step => issue.CanAttach(step, by),
            step => PhotoCounts.MaxPerStep - issue.Photos.Of(step), ct);
        await using var _ = upload;
        if (problem is not null) return (problem, []);

        var decision = issue.AttachPhotos(new AttachPhotos(upload.Step!.Value, [.. upload.Photos.Select(p => p.Photo)]), by, clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return (Problems.For(rejection), []);

        var street = user.FindFirstValue(Claims.Street)!;
        foreach (var photo in upload.Photos)
        {
            await using var file = new FileStream(photo.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await store.SaveAsync(street, photo.Photo.Id, file, ct);
        }

        var events = new Events();
        events.AddRange(decision.Events);
        var items = upload.Photos.Select(p => p.Photo)
            .Select(p => new AttachedPhoto(p.Id, p.Sha256, p.ContentType, p.Bytes, p.Width, p.Height)).ToList();
        var answer = new PhotosAttached(items, issue.Id, issue.Version + events.Count);
        var location = $"/api/issues/{issue.Id}/attachments/{items[0].Id}";
        IdempotentAnswers.Remember(request.HttpContext, session, clock, StatusCodes.Status201Created, answer, location);
        return (TypedResults.Created(location, answer), events);
    }
}
