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
                         "select stream_id, type from issuetracker.mt_events where tenant_id = $1 order by stream_id, version"))
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
        await using (var rows = await Query(data, street, "select id, version from issuetracker.mt_streams where tenant_id = $1"))
            while (await rows.ReadAsync())
            {
                rows.GetInt64(1).ShouldBe(expected.Count);
                details[rows.GetGuid(0)].ShouldBe(("Confirmed", expected.Count), "IssueDetails agrees with the stream");
            }
        details.Count.ShouldBe(events.Count);
    }

    private static async Task<NpgsqlDataReader> Query(NpgsqlDataSource data, string street, string sql)
    {
        var command = data.CreateCommand(sql);
        command.Parameters.AddWithValue(street);
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.CloseConnection);
    }
}
