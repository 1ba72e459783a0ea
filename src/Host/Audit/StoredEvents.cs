using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace IssueTracker.Host.Audit;

/// <summary>An event exactly as its row holds it: what the history shows and what the chain is checked against.</summary>
public sealed record StoredEvent(
    long Version, long Sequence, DateTimeOffset RecordedAt, string Type, string? CorrelationId, JsonElement Data,
    JsonElement? Actor, string? Hash)
{
    /// <summary>When it happened: the event's own time (its "at", from the application clock), else when it was stored.</summary>
    public DateTimeOffset Timestamp =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("at", out var at)
                                               && at.ValueKind == JsonValueKind.String && at.GetString() is { } text
                                               && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : RecordedAt;
}

public sealed record StoredStream(Guid Id, string TenantId, string? AggregateType, long RecordedVersion, IReadOnlyList<StoredEvent> Events);

/// <summary>
/// Reads streams straight from Marten's streams and events tables (<see cref="EventTables"/>), bypassing Marten's deserialisation, so that whatever was
/// written to the rows (also by hand) is what gets shown and verified.
/// </summary>
public static class StoredEvents
{
    public static async Task<StoredStream?> ReadAsync(NpgsqlConnection connection, EventTables tables, string tenantId,
        Guid streamId, CancellationToken ct)
    {
        await using var stream = new NpgsqlCommand(
            $"select type, version from {tables.Streams} where id = $1 and tenant_id = $2", connection)
        {
            Parameters = { new() { Value = streamId }, new() { Value = tenantId } }
        };
        string? aggregateType;
        long recordedVersion;
        await using (var reader = await stream.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            aggregateType = reader.IsDBNull(0) ? null : reader.GetString(0);
            recordedVersion = reader.GetInt64(1);
        }

        await using var events = new NpgsqlCommand(
            // Only the two headers the audit needs, so the rest of the headers is never sent nor parsed.
            $"select version, seq_id, timestamp, type, correlation_id, data, headers -> 'actor', headers ->> '{HashChain.HashHeader}' " +
            $"from {tables.Events} " +
            "where stream_id = $1 and tenant_id = $2 order by version", connection)
        {
            Parameters = { new() { Value = streamId }, new() { Value = tenantId } }
        };
        var list = new List<StoredEvent>();
        await using (var reader = await events.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var actor = reader.IsDBNull(6) ? (JsonElement?)null : reader.GetFieldValue<JsonElement>(6);
                list.Add(new StoredEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<JsonElement>(5),
                    actor is { ValueKind: JsonValueKind.Null } ? null : actor, reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }
        return new StoredStream(streamId, tenantId, aggregateType, recordedVersion, list);
    }

    /// <summary>Every stream of ours (<see cref="AuditedStreams"/>) in the store (all streets, or one), in a stable order.</summary>
    public static async Task<IReadOnlyList<(string TenantId, Guid Id)>> AllStreamsAsync(NpgsqlConnection connection,
        EventTables tables, string? tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select tenant_id, id from {tables.Streams} where ($1::text is null or tenant_id = $1) " +
            "and (type = any($2) or (type is null and id <> $3)) order by tenant_id, id", connection)
        {
            Parameters =
            {
                new() { Value = (object?)tenantId ?? DBNull.Value }, new() { Value = AuditedStreams.Kinds.ToArray() },
                new() { Value = JasperFx.Events.Tombstone.StreamId }
            }
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var streams = new List<(string, Guid)>();
        while (await reader.ReadAsync(ct)) streams.Add((reader.GetString(0), reader.GetGuid(1)));
        return streams;
    }
}
