using System.Collections.Concurrent;
using JasperFx.Events;

namespace IssueTracker.Host.Audit;

/// <summary>
/// The last link of each stream this process committed (one per process: a DI singleton), so that the next append to it needs no read of the previous
/// event. Safe because every stamped append expects a version: when another writer has moved the stream on, the
/// cached version no longer matches (a read follows) or the append fails its version check.
/// </summary>
internal sealed class ChainHeads
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<(string Tenant, Guid Stream), (long Version, string Hash)> Heads = new();

    public string? Find(string tenant, Guid stream, long version) =>
        Heads.TryGetValue((tenant, stream), out var head) && head.Version == version ? head.Hash : null;

    public void Remember(string tenant, IEnumerable<StreamAction> committed)
    {
        foreach (var stream in committed)
        {
            // The version Marten gave the last event as it was stored; none (0) means we cannot be sure, so no entry.
            if (stream.Events is not [.., var last] || last.Version <= 0
                || last.GetHeader(HashChain.HashHeader) is not string hash) continue;
            if (Heads.Count >= Capacity) Heads.Clear();
            Heads[(stream.TenantId ?? tenant, stream.Id)] = (last.Version, hash);
        }
    }
}
