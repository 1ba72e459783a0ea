using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// Idempotency-Key: a key already answered replays its first answer (or 422 for another body); a new key travels
/// with the request so that the endpoint's handler stores the answer in the same transaction as the events
/// (<see cref="IdempotentAnswers"/>). Keys are scoped to the caller (street and user) and kept for
/// <see cref="Retention"/>; one request at a time holds a key (<see cref="KeyGates"/>).
/// </summary>
public sealed class Idempotency(RequestDelegate next, IDocumentStore store, TimeProvider clock, KeyGates gates)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private const string PendingItem = "idempotency.pending";

    public sealed record Pending(string Id, string RequestHash);

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0 || !(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        if (key.Length > 200)
        {
            await Problems.Problem(StatusCodes.Status400BadRequest, "validation", "Invalid Idempotency-Key",
                "An Idempotency-Key may be at most 200 characters.").ExecuteAsync(context);
            return;
        }

        var user = context.User;
        var street = user.FindFirstValue(Claims.Street)!;
        var id = RecordId(user.FindFirstValue(Claims.Subject), key);
        var requestHash = await HashRequest(context.Request);
        await using var gate = await gates.TryEnter(street, id, context.RequestAborted);
        if (gate is null)
        {
            await KeyInUse().ExecuteAsync(context);
            return;
        }
        await using (var session = store.QuerySession(street))
        {
            var earlier = await session.LoadAsync<IdempotencyRecord>(id, context.RequestAborted);
            if (earlier is not null && clock.GetUtcNow() - earlier.CreatedAt < Retention)
            {
                await (earlier.RequestHash == requestHash ? Replay(context, earlier) : Mismatch(context));
                return;
            }
            if (earlier is not null) await Forget(street, id, context.RequestAborted);
        }

        context.Items[PendingItem] = new Pending(id, requestHash);
        await next(context);
    }

    /// <summary>The key of the request being answered, when it carries one that is new.</summary>
    public static Pending? PendingOf(HttpContext context) => context.Items[PendingItem] as Pending;

    /// <summary>Another request with the same key holds it, on another host or in a save that lost the race.</summary>
    public static IResult KeyInUse() =>
        Problems.Problem(StatusCodes.Status409Conflict, "idempotency-key-in-use", "Idempotency-Key in use",
            "Another request with this Idempotency-Key was being saved at the same time; nothing of this one was " +
            "saved. Send it again to get the first request's answer.");

    private static async Task Replay(HttpContext context, IdempotencyRecord earlier)
    {
        context.Response.StatusCode = earlier.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (earlier.Location is not null) context.Response.Headers.Location = earlier.Location;
        await context.Response.WriteAsync(earlier.Body);
    }

    /// <summary>An expired key may be used again: its record goes, so that the new answer can be inserted.</summary>
    private async Task Forget(string street, string id, CancellationToken ct)
    {
        await using var session = store.LightweightSession(street);
        session.Delete<IdempotencyRecord>(id);
        await session.SaveChangesAsync(ct);
    }

    private static Task Mismatch(HttpContext context) =>
        Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
            "This Idempotency-Key was already used for a different request.").ExecuteAsync(context);

    private static async Task<string> HashRequest(HttpRequest request)
    {
        // Buffered to a temporary file past 30 KB and hashed as it is read: a photo upload is never held whole in memory.
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        if (!await HashFormPartsAsync(request, hash))
        {
            request.Body.Position = 0;
            await AppendAsync(hash, request.Body);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// A multipart body as its parts (headers and content), not its bytes: a client draws a new boundary for every
    /// attempt (a browser's FormData does), and a retry of the same upload must still be the same request.
    /// </summary>
    private static async Task<bool> HashFormPartsAsync(HttpRequest request, IncrementalHash hash)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType != "multipart/form-data"
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 } boundary)
            return false;
        try
        {
            var reader = new MultipartReader(boundary.Value!, request.Body);
            hash.AppendData("multipart\n"u8);
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                foreach (var (name, value) in section.Headers!.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
                    hash.AppendData(Encoding.UTF8.GetBytes($"{name.ToLowerInvariant()}: {value}\n"));
                using var part = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await AppendAsync(part, section.Body);
                hash.AppendData(part.GetHashAndReset());
            }
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return false; // Not well-formed: hashed as bytes, and the endpoint refuses it.
        }
    }

    private static async Task AppendAsync(IncrementalHash hash, Stream body)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk)) > 0) hash.AppendData(chunk, 0, read);
    }

    internal static string RecordId(string? subject, string key) => Hash($"{subject}\n{key}");

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
