using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Reliability.Faults;

/// <summary>
/// Two host processes on one database (Projections:Distribution = Balanced, the default): every async projection
/// shard runs on exactly one of them, moves to the other when its node is SIGKILLed, a deadline timer fires once, and
/// commands behave as on one node whichever host they reach.
/// </summary>
[Collection(FaultCollection.Name)]
public class TwoNodeTests(FaultCluster cluster, ITestOutputHelper output)
{
    /// <summary>An acknowledgement deadline that expires in the test (failure detection: <see cref="HostProcess.FastFailover"/>).</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Projections__Distribution"] = "Balanced", ["Deadlines__Acknowledge"] = "00:00:10"
    };

    [Fact]
    public async Task Two_hosts_share_the_shards_fail_over_after_a_SIGKILL_fire_a_timer_once_and_answer_alike()
    {
        // A first request to a freshly started host generates its handlers' code: slow on a busy machine.
        using var first = new FaultClient(timeout: TimeSpan.FromSeconds(90));
        using var second = new FaultClient(first.Street, TimeSpan.FromSeconds(90));
        var hosts = new Dictionary<FaultClient, HostProcess>();
        Ownership owners = new([], new Dictionary<string, Guid>(), []);
        try
        {
            hosts[first] = await HostProcess.Start(cluster.ConnectionString, first.Address, first.Http, Settings);
            hosts[second] = await HostProcess.Start(cluster.ConnectionString, second.Address, second.Http, Settings);
            await first.ListPropertyCompany();
            await Raise(first, "first");
            await Raise(second, "second");

            await Until("each shard on exactly one node, both nodes with work", async () =>
            {
                owners = await Owners();
                return owners.Shards.Count > 0 && owners.Shards.All(owners.Owner.ContainsKey)
                       && owners.Owner.Values.Distinct().Count() == 2;
            }, TimeSpan.FromSeconds(90));
            output.WriteLine(string.Join("\n", owners.Owner.Select(x => $"{x.Key} → node {x.Value}")));

            await CommandsAnswerAlike(first, second);

            // The timer: scheduled by whichever node took the assignment, fired by one node of the two.
            var assigned = await Raise(second, "timer");
            (await Send(second, HttpMethod.Post, $"/api/issues/{assigned}/assign", first.Host,
                new { assignee = Street.PropertyCompany, dueBy = "2030-01-01T00:00:00+08:00" })).StatusCode.ShouldBe(HttpStatusCode.OK);

            // SIGKILL the node running the status board; the other takes it over and the board catches up.
            var boardShard = owners.Shards.Single(s => s.StartsWith("statusboard", StringComparison.Ordinal));
            var victim = owners.Owner[boardShard] == owners.Nodes[0] ? first : second;
            var survivor = victim == first ? second : first;
            hosts[victim].Kill();
            var afterKill = await Raise(survivor, "after-kill");
            await Until("the status board holds the issue raised after the SIGKILL", () => BoardRowExists(afterKill),
                TimeSpan.FromSeconds(30));

            await Until("the acknowledgement deadline fired", async () => await EventCount(assigned, "acknowledgement_overdue") > 0,
                TimeSpan.FromSeconds(60));
            // Give a second firing time to happen: both nodes' scheduled-job polls (5 s) and a node timeout.
            await Task.Delay(TimeSpan.FromSeconds(12));
            (await EventCount(assigned, "acknowledgement_overdue")).ShouldBe(1);
        }
        catch
        {
            output.WriteLine($"shards: {string.Join(", ", owners.Shards)}; nodes: {string.Join(", ", owners.Nodes)}; " +
                             $"assigned: {string.Join(", ", owners.Owner.Select(x => $"{x.Key} → {x.Value}"))}");
            foreach (var host in hosts.Values) output.WriteLine(host.Output);
            throw;
        }
        finally
        {
            foreach (var host in hosts.Values) host.Dispose();
        }
    }

    /// <summary>An idempotency key used on one node replays on the other; a stale If-Match on either is 412.</summary>
    private static async Task CommandsAnswerAlike(FaultClient first, FaultClient second)
    {
        var key = Guid.NewGuid().ToString();
        var body = RaiseBody("twin");
        var once = await Send(first, HttpMethod.Post, "/api/issues", first.Host, body, ("Idempotency-Key", key));
        once.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await Send(second, HttpMethod.Post, "/api/issues", second.Host, body, ("Idempotency-Key", key));
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Id(again)).ShouldBe(await Id(once), "the other node replays the stored answer");

        // Twins racing to both nodes: one applies, the other replays it or is told the key is in use.
        var raceKey = Guid.NewGuid().ToString();
        var race = await Task.WhenAll(new[] { first, second }.Select(c =>
            Send(c, HttpMethod.Post, "/api/issues", c.Host, RaiseBody("race"), ("Idempotency-Key", raceKey))));
        foreach (var answer in race)
            if (answer.StatusCode != HttpStatusCode.Created)
            {
                answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                (await answer.Content.ReadAsStringAsync()).ShouldContain("idempotency-key-in-use");
            }
        var ids = new List<Guid>();
        foreach (var answer in race.Where(a => a.StatusCode == HttpStatusCode.Created)) ids.Add(await Id(answer));
        ids.Distinct().Count().ShouldBe(1, "one issue for the twins");

        var id = await Id(once);
        var stale = (await Send(first, HttpMethod.Get, $"/api/issues/{id}", first.Host, null)).Headers.ETag!.Tag;
        (await Send(first, HttpMethod.Post, $"/api/issues/{id}/comments", first.Host, new { text = "已登记" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(second, HttpMethod.Post, $"/api/issues/{id}/close", second.Host, new { reason = "重复登记" }, ("If-Match", stale)))
            .StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    private static object RaiseBody(string tag) => new
    {
        title = $"明光小区地锁占道 {tag}", category = "parking",
        location = new { community = "明光社区", compound = "明光小区", grid = 12 },
        reporter = new { name = "王女士", contact = "13800000000" }
    };

    private static async Task<Guid> Raise(FaultClient client, string tag)
    {
        var response = await Send(client, HttpMethod.Post, "/api/issues", client.Host, RaiseBody(tag));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Id(response);
    }

    private static async Task<Guid> Id(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

    private static async Task<HttpResponseMessage> Send(FaultClient client, HttpMethod method, string path,
        System.Net.Http.Headers.AuthenticationHeaderValue who, object? body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Headers = { Authorization = who } };
        if (body is not null) request.Content = JsonContent.Create(body);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await client.Http.SendAsync(request);
    }

    private sealed record Ownership(IReadOnlyList<string> Shards, IReadOnlyDictionary<string, Guid> Owner, IReadOnlyList<Guid> Nodes);

    /// <summary>The shards Marten tracks progress for, and the node Wolverine assigned each to (nodes in start order).</summary>
    private async Task<Ownership> Owners()
    {
        await using var data = NpgsqlDataSource.Create(cluster.ConnectionString);
        var shards = new List<string>();
        await using (var rows = await data.CreateCommand(
                         "select lower(replace(name, ':', '/')) from issuetracker.mt_event_progression where name not like 'HighWater%'").ExecuteReaderAsync())
            while (await rows.ReadAsync()) shards.Add(rows.GetString(0));
        var owner = new Dictionary<string, Guid>();
        await using (var rows = await data.CreateCommand(
                         "select id, node_id from issuetracker.wolverine_node_assignments where id like 'event-subscriptions://%'").ExecuteReaderAsync())
            while (await rows.ReadAsync())
            {
                var shard = shards.SingleOrDefault(s => rows.GetString(0).EndsWith("/" + s, StringComparison.Ordinal));
                if (shard is not null) owner.Add(shard, rows.GetGuid(1));
            }
        var nodes = new List<Guid>();
        await using (var rows = await data.CreateCommand("select id from issuetracker.wolverine_nodes order by node_number").ExecuteReaderAsync())
            while (await rows.ReadAsync()) nodes.Add(rows.GetGuid(0));
        return new Ownership(shards, owner, nodes);
    }

    private async Task<bool> BoardRowExists(Guid id)
    {
        await using var data = NpgsqlDataSource.Create(cluster.ConnectionString);
        await using var command = data.CreateCommand("select count(*) from issuetracker.mt_doc_statusboardrow where id = $1");
        command.Parameters.AddWithValue(id);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private async Task<long> EventCount(Guid stream, string type)
    {
        await using var data = NpgsqlDataSource.Create(cluster.ConnectionString);
        await using var command = data.CreateCommand("select count(*) from issuetracker.mt_events where stream_id = $1 and type = $2");
        command.Parameters.AddWithValue(stream);
        command.Parameters.AddWithValue(type);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Until(string what, Func<Task<bool>> probe, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe()) return;
            if (clock.Elapsed > within) throw new ShouldAssertException($"Not within {within}: {what}");
            await Task.Delay(250);
        }
    }
}
