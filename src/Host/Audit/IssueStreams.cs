using Npgsql;

namespace IssueTracker.Host.Audit;

public static class IssueStreams
{
    /// <summary>Marten's name for streams started as an Issue.</summary>
    public const string AggregateType = "issue";

    /// <summary>The raw stream of an issue in the caller's street; null for unknown ids and for other kinds of stream.</summary>
    public static async Task<StoredStream?> ReadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var stream = await StoredEvents.ReadAsync(connection, EventTables.Of(session.DocumentStore), session.TenantId, id, ct);
        return stream is { AggregateType: null or AggregateType } && AuditedStreams.Includes(stream.AggregateType, id)
            ? stream
            : null;
    }
}
