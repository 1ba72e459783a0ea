using System.Net;
using IssueTracker.Host.Boards;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class FuzzTests(AppFixture app, ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Requests = 2_400;

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

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var events = await EventCount(database, street.Id);
        for (var i = 0; i < Requests; i++)
        {
            var request = fuzzer.Next(operations[i % operations.Count]);
            var answer = await clients[i % clients.Length].Send(request.Method, request.Url, request.Content, request.Headers);
            var after = await EventCount(database, street.Id);
            statuses[(int)answer.Status] = statuses.GetValueOrDefault((int)answer.Status) + 1;
            if ((int)answer.Status >= 500) failures.Add($"{answer} ← {request.Shown}");
            else if (!IsSuccess(answer.Status) && after != events) failures.Add($"rejected ({answer}) but appended {after - events} events ← {request.Shown}");
            events = after;
        }

        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
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
        return [raised, assigned, inProgress, meeting];
    }

    private static async Task<long> EventCount(NpgsqlDataSource database, string street)
    {
        await using var command = database.CreateCommand("select count(*) from issuetracker.mt_events where tenant_id = $1");
        command.Parameters.AddWithValue(street);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
