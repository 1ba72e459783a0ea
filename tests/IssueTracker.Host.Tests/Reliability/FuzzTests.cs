using System.Diagnostics;
using System.Net;
using IssueTracker.Host.Boards;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class FuzzTests(AppFixture app, ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Requests = 10_000;

    [Fact]
    public async Task Thousands_of_malformed_requests_to_every_operation_get_no_5xx_and_the_rejected_ones_change_nothing()
    {
        var street = app.NewStreet();
        // The directory is filled up front: a fuzzed assign must not list its (random) assignee as a side effect.
        await street.List(Street.PropertyCompany);
        await street.List(Street.OtherCompany);
        street.ListsAssignees = false;
        var openApi = (await street.Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        // The board's server-sent events stay open by design; the board tests cover that route.
        var operations = RequestFuzzer.Operations(openApi).Where(o => o.Path != WatchBoardEndpoint.Route).ToList();
        operations.Count.ShouldBeGreaterThanOrEqualTo(20);
        var fuzzer = new RequestFuzzer(new Random(Seed), openApi, await Targets(street));
        var clients = new[] { street.Host, street.Host, street.Host, street.Assignee, street.Reporter, street.Auditor, street.Anonymous };
        await using var database = NpgsqlDataSource.Create(AppFixture.ConnectionString);

        // Four requests at a time; each carries a trace id of its own, which Wolverine records as its events'
        // correlation id, so the events any rejected request appended can be told afterwards.
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var rejected = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var accepted = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new SortedDictionary<int, int>();
        for (var chunk = 0; chunk < Requests; chunk += 200)
        {
            var requests = Enumerable.Range(chunk, Math.Min(200, Requests - chunk))
                .Select(i => (Index: i, Request: fuzzer.Next(operations[i % operations.Count]), Trace: ActivityTraceId.CreateRandom().ToHexString()))
                .ToList();
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, _) =>
            {
                var traced = r.Request.Headers.Append(("traceparent", $"00-{r.Trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01")).ToArray();
                var answer = await clients[r.Index % clients.Length].Send(r.Request.Method, r.Request.Url, r.Request.Content, traced);
                lock (statuses) statuses[(int)answer.Status] = statuses.GetValueOrDefault((int)answer.Status) + 1;
                if ((int)answer.Status >= 500) failures.Enqueue($"{answer} ← {r.Request.Shown}");
                else if (IsSuccess(answer.Status)) accepted.Add(r.Trace);
                else rejected[r.Trace] = $"{answer} ← {r.Request.Shown}";
            });
        }

        var appendedBy = await CorrelationIds(database, street.Id);
        foreach (var (trace, request) in rejected)
            if (appendedBy.Contains(trace)) failures.Enqueue($"rejected ({request}) but appended events");
        accepted.ShouldContain(trace => appendedBy.Contains(trace), "no accepted request's events carry its trace id: the check above sees nothing");

        // scripts/test.sh prints the lines marked [ci] of every test that passed, so CI's log shows the count.
        output.WriteLine($"[ci] fuzz: {Requests} requests to {operations.Count} operations, {failures.Count(f => f.StartsWith('5'))} × 5xx, " +
            "statuses " + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(20)));
        statuses.Keys.ShouldContain(400);
        statuses.Keys.ShouldContain(409, "some requests got past validation to the rules");
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>Issues in several states and a meeting, so that fuzzed commands reach the rules, not just the 404.</summary>
    private static async Task<List<Guid>> Targets(Street street)
    {
        var raised = await street.Raise();
        var assigned = await street.Raise(Bodies.LoosePoultry());
        await street.Host.Post($"/api/issues/{assigned}/assign", Bodies.Assign());
        var inProgress = await street.Raise(Bodies.LeakingBuilding());
        await street.Host.Post($"/api/issues/{inProgress}/assign", Bodies.Assign());
        await street.Assignee.Post($"/api/issues/{inProgress}/acknowledge", new { });
        var meeting = (await street.Host.Post("/api/meetings", new
        {
            title = "明光社区党群议事会", community = "明光社区", scheduledAt = DateTimeOffset.UtcNow.AddDays(3), place = "党群服务中心"
        })).ShouldHaveStatus(HttpStatusCode.Created).Id;
        await street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = raised });
        // An in-app notification of each inbox and a dead letter, so that fuzzed /read and /retry reach real records.
        var notifications = new[]
        {
            await Notifications.NotificationRecords.Notification(street), await Notifications.NotificationRecords.Notification(street, "hosts")
        };
        return [raised, assigned, inProgress, meeting, .. notifications, await Notifications.NotificationRecords.DeadLetter(street)];
    }

    private static async Task<HashSet<string>> CorrelationIds(NpgsqlDataSource database, string street)
    {
        await using var command = database.CreateCommand(
            "select distinct correlation_id from issuetracker.mt_events where tenant_id = $1 and correlation_id is not null");
        command.Parameters.AddWithValue(street);
        var ids = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
