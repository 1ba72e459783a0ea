using Npgsql;

namespace IssueTracker.Host.Tests.Reliability.Faults;

/// <summary>What the database holds for one street, read straight from Marten's tables.</summary>
public static class EventLog
{
    public static async Task ShouldHoldEachCommandOnce(string connectionString, string street, LifecycleBurst burst)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        var events = new Dictionary<Guid, List<string>>();
        await using (var rows = await Query(data, street,
                         // The issues' streams only: the street's directory entry (listed before the burst) is no command of it.
                         "select stream_id, type from issuetracker.mt_events where tenant_id = $1 and stream_id in " +
                         "(select id from issuetracker.mt_streams where tenant_id = $1 and type = 'issue') order by stream_id, version"))
            while (await rows.ReadAsync())
                (events.TryGetValue(rows.GetGuid(0), out var list) ? list : events[rows.GetGuid(0)] = []).Add(rows.GetString(1));

        var expected = LifecycleBurst.Steps.Select(s => s.EventType).ToList();
        burst.Ids.Count.ShouldBe(burst.Commands / expected.Count);
        events.Keys.ShouldBe(burst.Ids.Values, ignoreOrder: true, "one stream per raised issue, none from a lost answer");
        foreach (var (id, types) in events) types.ShouldBe(expected, $"the events of {id}, in order, each once");

        var details = new Dictionary<Guid, (string Status, int Version)>();
        await using (var rows = await Query(data, street,
                         "select id, data->>'status', (data->>'version')::int from issuetracker.mt_doc_issuedetails where tenant_id = $1"))
            while (await rows.ReadAsync()) details[rows.GetGuid(0)] = (rows.GetString(1), rows.GetInt32(2));
        await using (var rows = await Query(data, street, "select id, version from issuetracker.mt_streams where tenant_id = $1 and type = 'issue'"))
            while (await rows.ReadAsync())
            {
                rows.GetInt64(1).ShouldBe(expected.Count);
                details[rows.GetGuid(0)].ShouldBe(("Confirmed", expected.Count), "IssueDetails agrees with the stream");
            }
        details.Count.ShouldBe(events.Count);

        await using var answers = data.CreateCommand("select count(*) from issuetracker.mt_doc_idempotencyrecord where tenant_id = $1");
        answers.Parameters.AddWithValue(street);
        ((long)(await answers.ExecuteScalarAsync())!).ShouldBe(burst.Commands, "every accepted command's answer is kept for its key");
    }

    /// <summary>
    /// The async daemon picked up where it stopped (after a SIGKILL, after an outage): within the time given, every
    /// issue's status board row shows its last event, and every projection has processed every event.
    /// </summary>
    public static async Task ShouldBeCaughtUpByTheDaemon(string connectionString, string street, LifecycleBurst burst, TimeSpan within)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        var issues = burst.Commands / LifecycleBurst.Steps.Length;
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        long confirmed;
        string? behind;
        do
        {
            await using var command = data.CreateCommand(
                "select (select count(*) from issuetracker.mt_doc_statusboardrow where tenant_id = $1 and lower(data->>'status') = 'confirmed'), " +
                "(select string_agg(name || ' at ' || last_seq_id, ', ') from issuetracker.mt_event_progression where name like '%:All' " +
                " and last_seq_id < (select max(seq_id) from issuetracker.mt_events)), (select max(seq_id) from issuetracker.mt_events)");
            command.Parameters.AddWithValue(street);
            await using var row = await command.ExecuteReaderAsync();
            await row.ReadAsync();
            confirmed = row.GetInt64(0);
            behind = row.IsDBNull(1) ? null : $"{row.GetString(1)} of {row.GetInt64(2)}";
            if (confirmed == issues && behind is null) return;
            await Task.Delay(200);
        } while (deadline.Elapsed < within);
        throw new ShouldAssertException(
            $"After {within}: {confirmed} of {issues} status board rows confirmed; projections behind the event log: {behind ?? "none"}");
    }

    private static async Task<NpgsqlDataReader> Query(NpgsqlDataSource data, string street, string sql)
    {
        var command = data.CreateCommand(sql);
        command.Parameters.AddWithValue(street);
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.CloseConnection);
    }
}
