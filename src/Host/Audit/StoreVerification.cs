using System.Diagnostics;
using IssueTracker.Host.Attachments;
using Npgsql;

namespace IssueTracker.Host.Audit;

public sealed record BrokenStream(string TenantId, Guid StreamId, ChainReport Report);

public sealed record StoreVerificationSummary(int Streams, long Events, IReadOnlyList<BrokenStream> Broken)
{
    public bool AllValid => Broken.Count == 0;
}

/// <summary>Recomputes the hash chain of every stream in the store (of every street, or of one), reporting as it goes.</summary>
public static class StoreVerification
{
    public static async Task<StoreVerificationSummary> RunAsync(IDocumentStore store, string? street, TextWriter output,
        CancellationToken ct, IAttachmentStore? attachments = null)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);

        var tables = EventTables.Of(store);
        var streams = await StoredEvents.AllStreamsAsync(connection, tables, street, ct);
        output.WriteLine($"Verifying {streams.Count} streams{(street is null ? "" : $" of street {street}")}…");
        var broken = new List<BrokenStream>();
        long events = 0;
        for (var i = 0; i < streams.Count; i++)
        {
            var (tenantId, id) = streams[i];
            var stream = await StoredEvents.ReadAsync(connection, tables, tenantId, id, ct);
            if (stream is null) continue;
            var (report, _) = await AttachmentVerification.CheckAsync(attachments, stream, ChainVerification.Verify(stream), ct);
            events += stream.Events.Count;
            if (!report.Valid)
            {
                broken.Add(new BrokenStream(tenantId, id, report));
                output.WriteLine($"  INVALID  street {tenantId}  stream {id} ({stream.AggregateType}): " +
                                 $"version {report.FirstInvalidVersion}: {report.Reason}");
            }
            if ((i + 1) % 100 == 0 || i + 1 == streams.Count)
                output.WriteLine($"  {i + 1}/{streams.Count} streams checked, {broken.Count} invalid");
        }

        var summary = new StoreVerificationSummary(streams.Count, events, broken);
        output.WriteLine(summary.AllValid
            ? $"All {summary.Streams} streams ({summary.Events} events) verified valid in {clock.Elapsed.TotalSeconds:0.0} s."
            : $"{broken.Count} of {summary.Streams} streams ({summary.Events} events) FAILED verification in {clock.Elapsed.TotalSeconds:0.0} s.");
        return summary;
    }
}
