using System.Security.Cryptography;
using System.Text.Json;
using IssueTracker.Host.Audit;

namespace IssueTracker.Host.Attachments;

/// <summary>An attachment whose stored bytes no longer match the SHA-256 its event recorded (or are gone).</summary>
public sealed record BrokenAttachment(Guid AttachmentId, long Version, string Reason);

/// <summary>
/// The hash chain covers each PhotoAttached event, and so the SHA-256 in it; this recomputes that SHA-256 from the
/// stored bytes, so that a photo changed or removed in storage is caught like an edited event.
/// </summary>
public static class AttachmentVerification
{
    public const string EventType = "photo_attached";

    /// <summary>A valid chain's report, made invalid at the first attachment whose bytes fail.</summary>
    public static async Task<(ChainReport Report, BrokenAttachment? Broken)> CheckAsync(IAttachmentStore? store, StoredStream stream,
        ChainReport chain, CancellationToken ct)
    {
        if (!chain.Valid || store is null) return (chain, null);
        var broken = await FirstBrokenAsync(store, stream.TenantId, stream.Events.Select(e => (e.Version, e.Type, e.Data)), ct);
        return broken is null ? (chain, null) : (new ChainReport(false, chain.Events, broken.Version, broken.Reason), broken);
    }

    /// <summary>The first attachment of the stream (events as stored: version, type, data) that fails, or null.</summary>
    public static async Task<BrokenAttachment?> FirstBrokenAsync(IAttachmentStore store, string street,
        IEnumerable<(long Version, string Type, JsonElement Data)> events, CancellationToken ct)
    {
        foreach (var (version, type, data) in events)
        {
            if (type != EventType || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("id", out var idValue) || !idValue.TryGetGuid(out var id)
                || !data.TryGetProperty("sha256", out var recorded)) continue;

            await using var stored = await store.OpenReadAsync(street, id, ct);
            if (stored is null)
                return new BrokenAttachment(id, version, $"Attachment {id} is missing from storage.");
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, ct));
            if (!string.Equals(actual, recorded.GetString(), StringComparison.OrdinalIgnoreCase))
                return new BrokenAttachment(id, version, $"Attachment {id}: the stored bytes do not match the SHA-256 its event recorded.");
        }
        return null;
    }
}

/// <summary>/history/verify's answer when the chain holds but an attachment's bytes do not.</summary>
public sealed record BrokenAttachmentChain(bool Valid, long FirstInvalidVersion, string Reason, Guid AttachmentId);
