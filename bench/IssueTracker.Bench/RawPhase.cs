using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace IssueTracker.Bench;

/// <summary>The database's own limits on this machine: one event-sized jsonb INSERT per commit, and a sequential read.</summary>
public static class RawPhase
{
    public static async Task<LoadResult> InsertAsync(NpgsqlDataSource db, int concurrency, TimeSpan duration, string eventJson)
    {
        await using (var create = db.CreateCommand(
            "create table if not exists raw_events (seq bigserial primary key, stream_id uuid not null, data jsonb not null)"))
            await create.ExecuteNonQueryAsync();
        return await Load.RunAsync(concurrency, duration, _ => 0, async _ =>
        {
            await using var insert = db.CreateCommand("insert into raw_events (stream_id, data) values ($1, $2)");
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter { Value = eventJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync();
            return 200;
        });
    }

    /// <summary>Reads every stored event in sequence order, as text: what any rebuild has to read at least.</summary>
    public static async Task<(long Events, double Seconds)> ReadAllEventsAsync(NpgsqlDataSource db)
    {
        var clock = Stopwatch.StartNew();
        await using var read = db.CreateCommand(
            "select seq_id, stream_id, version, type, tenant_id, timestamp, data::text, headers::text from issuetracker.mt_events order by seq_id");
        await using var reader = await read.ExecuteReaderAsync();
        long count = 0, bytes = 0;
        while (await reader.ReadAsync())
        {
            count++;
            bytes += reader.GetString(6).Length + reader.GetString(3).Length;
        }
        return (count, clock.Elapsed.TotalSeconds);
    }
}
