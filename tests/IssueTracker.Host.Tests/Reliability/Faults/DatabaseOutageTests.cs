using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Reliability.Faults;

[Collection(FaultCollection.Name)]
public class DatabaseOutageTests(FaultCluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task While_PostgreSQL_is_down_the_host_answers_503_and_it_recovers_by_itself_losing_nothing()
    {
        using var client = new FaultClient();
        var burst = new LifecycleBurst(client, issues: 100);
        using var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http);
        try
        {
            var run = burst.Run(TimeSpan.FromSeconds(100));
            while (burst.Answered < burst.Commands / 3 && !run.IsCompleted) await Task.Delay(20);
            var someIssue = burst.Ids[0];

            await cluster.Stop();
            var down = Stopwatch.StartNew();
            var read = await Timed(() => Get($"/api/issues/{someIssue}", client));
            var ready = await Get("/health/ready", client);
            var live = await Get("/health/live", client);
            if (down.Elapsed < Outage) await Task.Delay(Outage - down.Elapsed);
            (await cluster.Start()).ShouldBe(cluster.ConnectionString, "PostgreSQL came back where the host looks for it");
            var answeredWhenUp = burst.Answered;
            var recovery = Stopwatch.StartNew();
            while ((await Get("/health/ready", client)).Status != HttpStatusCode.OK)
            {
                recovery.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "ready again within 10 s of PostgreSQL");
                await Task.Delay(100);
            }
            var readyAfter = recovery.Elapsed;
            while (burst.Answered == answeredWhenUp && !run.IsCompleted)
            {
                recovery.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), "commands succeed again within 10 s");
                await Task.Delay(50);
            }
            var servingAfter = recovery.Elapsed;
            await run;

            output.WriteLine($"read during the outage: {read.Answer.Status} in {read.Took.TotalMilliseconds:F0} ms; " +
                             $"{burst.Unavailable.Count} commands answered 503; ready again {readyAfter.TotalSeconds:F1} s and serving commands " +
                             $"{servingAfter.TotalSeconds:F1} s after the restart");
            read.Answer.ShouldBeUnavailable();
            read.Took.ShouldBeLessThan(TimeSpan.FromSeconds(5), "no hang while the database is unreachable");
            ready.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            live.Status.ShouldBe(HttpStatusCode.OK);
            burst.Unavailable.ShouldNotBeEmpty("commands sent during the outage were answered 503");
            foreach (var response in burst.Unavailable) (await Answer.Of(response)).ShouldBeUnavailable();
            await EventLog.ShouldHoldEachCommandOnce(cluster.ConnectionString, client.Street, burst);
            await EventLog.ShouldBeCaughtUpByTheDaemon(cluster.ConnectionString, client.Street, burst, TimeSpan.FromSeconds(30));
        }
        catch
        {
            output.WriteLine(host.Output);
            throw;
        }
        finally
        {
            await cluster.Start();
        }
    }

    private static async Task<(Answer Answer, TimeSpan Took)> Timed(Func<Task<Answer>> send)
    {
        var clock = Stopwatch.StartNew();
        var answer = await send();
        return (answer, clock.Elapsed);
    }

    private static async Task<Answer> Get(string path, FaultClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = client.Host } };
        return await Answer.Of(await client.Http.SendAsync(request));
    }
}

file static class OutageAssertions
{
    public static void ShouldBeUnavailable(this Answer answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, answer.ToString());
        answer.ProblemType.ShouldBe("urn:issuetracker:problem:database-unavailable");
        answer.Response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(5));
    }
}
