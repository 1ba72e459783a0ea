using System.Text.Json;
using JasperFx.Events;

namespace IssueTracker.Host.Audit;

/// <summary>Stamps every pending event with its link in the stream's hash chain, just before the session saves.</summary>
internal static class HashStamp
{
    public static async Task StampAsync(IDocumentSession session, StreamAction stream, ChainHeads heads,
        CancellationToken ct)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var (version, previous) = await StartOfAsync(session, stream, heads, ct);
        foreach (var e in stream.Events)
        {
            version++;
            var actor = e.Headers?.TryGetValue(AuditTrail.ActorHeader, out var by) == true && by is not null
                ? JsonSerializer.Deserialize<JsonElement>(serializer.ToJson(by))
                : (JsonElement?)null;
            previous = HashChain.Compute(previous, stream.Id.ToString(), version, e.EventTypeName,
                JsonSerializer.Deserialize<JsonElement>(serializer.ToJson(e.Data)), actor);
            e.SetHeader(HashChain.HashHeader, previous);
        }
    }

    /// <summary>The version and hash the new events follow: one read of the previous event when the stream exists.</summary>
    private static async Task<(long Version, string Hash)> StartOfAsync(IDocumentSession session, StreamAction stream,
        ChainHeads heads, CancellationToken ct)
    {
        if (stream.ActionType == StreamActionType.Start) return (0, HashChain.Genesis);

        if (stream.ExpectedVersionOnServer is not { } current)
        {
            // A blind append: pin the version we chain onto, so a racing writer fails instead of breaking the chain.
            current = (await session.Events.FetchStreamStateAsync(stream.Id, ct))?.Version ?? 0;
            stream.ExpectedVersionOnServer = current;
        }
        if (current == 0) return (0, HashChain.Genesis);
        if (heads.Find(stream.TenantId ?? session.TenantId, stream.Id, current) is { } cached) return (current, cached);

        var last = await session.Events.FetchStreamAsync(stream.Id, current, fromVersion: current, token: ct);
        var hash = last.SingleOrDefault()?.GetHeader(HashChain.HashHeader)?.ToString()
                   ?? throw new InvalidOperationException($"Event {current} of stream {stream.Id} has no hash to chain onto.");
        return (current, hash);
    }
}
