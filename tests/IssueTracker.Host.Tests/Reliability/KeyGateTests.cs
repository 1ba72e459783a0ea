using System.Net;
using IssueTracker.Host.Reliability;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Http;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class KeyGateTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_key_held_by_another_host_is_409_and_once_it_is_free_the_command_applies_and_then_replays()
    {
        const string key = "raise-on-two-hosts";
        var lockId = KeyGates.LockId(_street.Id, Idempotency.RecordId("grid-12", key));
        await using (var otherHost = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await otherHost.OpenAsync();
            await using var transaction = await otherHost.BeginTransactionAsync();
            await new NpgsqlCommand($"select pg_advisory_xact_lock({lockId})", otherHost, transaction).ExecuteNonQueryAsync();

            var twin = await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), ("Idempotency-Key", key));

            twin.ShouldHaveStatus(HttpStatusCode.Conflict);
            twin.ProblemType!.ShouldEndWith("idempotency-key-in-use");
            (await _street.Reporter.Get("/api/issues")).Text("total").ShouldBe("0");
        }

        var applied = (await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), ("Idempotency-Key", key)))
            .ShouldHaveStatus(HttpStatusCode.Created);
        var retry = (await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), ("Idempotency-Key", key)))
            .ShouldHaveStatus(HttpStatusCode.Created);

        retry.Id.ShouldBe(applied.Id);
        retry.Response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await _street.Reporter.Get("/api/issues")).Text("total").ShouldBe("1");
    }

    [Fact]
    public async Task The_answer_is_stored_by_the_generated_handler_before_it_commits()
    {
        var id = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{id}/close", new { reason = "重复反映" }, ("Idempotency-Key", "close")))
            .ShouldHaveStatus(HttpStatusCode.OK);

        var chain = app.Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == "/api/issues/{issueId}/close")
            .Metadata.GetMetadata<HttpChain>()!;

        var code = chain.SourceCode.ShouldNotBeNull();
        var store = code.IndexOf($"{nameof(IdempotentAnswers)}.{nameof(IdempotentAnswers.Store)}(", StringComparison.Ordinal);
        store.ShouldBeGreaterThan(0, code);
        store.ShouldBeLessThan(code.IndexOf("SaveChangesAsync(", StringComparison.Ordinal), code);
    }
}

/// <summary>Two hosts on one database, as two processes behind a load balancer would be.</summary>
[Collection(AppCollection.Name)]
public class TwoHostsTests(AppFixture app) : IAsyncLifetime
{
    /// <summary>A second host on the suite's database, Marten's daemon disabled in it: the suite's host keeps the projections.</summary>
    private sealed class SecondHost : AppFixture
    {
        protected override bool RunsEveryShard => false;

        protected override void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
            services.ConfigureMarten(options => options.Projections.AsyncMode = DaemonMode.Disabled));
    }

    private readonly AppFixture _other = new SecondHost();

    public Task InitializeAsync() => _other.InitializeAsync();

    public Task DisposeAsync() => _other.DisposeAsync();

    [Fact]
    public async Task One_key_sent_to_both_hosts_at_once_applies_once_the_twin_is_409_or_a_replay_and_a_retry_replays()
    {
        var street = app.NewStreet();
        var sameStreetOnTheOtherHost = new Street(_other, street.Id);
        var keys = Enumerable.Range(0, 12).Select(i => ("Idempotency-Key", $"both-hosts-{i}")).ToList();

        var pairs = await Task.WhenAll(keys.Select(async key =>
        {
            var answers = await Task.WhenAll(
                street.Reporter.Post("/api/issues", Bodies.ParkingLock(), key),
                sameStreetOnTheOtherHost.Reporter.Post("/api/issues", Bodies.ParkingLock(), key));
            return (key, answers);
        }));

        foreach (var (key, answers) in pairs)
        {
            answers.ShouldAllBe(a => a.Status == HttpStatusCode.Created
                                     || (a.Status == HttpStatusCode.Conflict && a.ProblemType!.EndsWith("idempotency-key-in-use")));
            var created = answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Id).Distinct().ShouldHaveSingleItem();
            (await sameStreetOnTheOtherHost.Reporter.Post("/api/issues", Bodies.ParkingLock(), key)).Id.ShouldBe(created);
            (await street.Reporter.Post("/api/issues", Bodies.ParkingLock(), key)).Id.ShouldBe(created);
        }
        (await street.Reporter.Get("/api/issues")).Text("total").ShouldBe(keys.Count.ToString());
    }
}
