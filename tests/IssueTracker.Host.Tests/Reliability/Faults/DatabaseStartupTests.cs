using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Reliability.Faults;

[Collection(FaultCollection.Name)]
public class DatabaseStartupTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_started_while_PostgreSQL_is_down_waits_for_it_and_serves_within_10_s_of_its_return()
    {
        using var client = new FaultClient();
        await cluster.Stop();
        HostProcess? host = null;
        try
        {
            host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http, waitFor: "/health/live");
            await Task.Delay(TimeSpan.FromSeconds(3));

            (await Get("/health/live", client)).Status.ShouldBe(HttpStatusCode.OK);
            (await Get("/health/ready", client)).Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var read = await Get("/api/issues", client);
            read.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, read.ToString());
            read.ProblemType.ShouldBe("urn:issuetracker:problem:database-unavailable");
            var raise = await Send(HttpMethod.Post, "/api/issues", client, Bodies.ParkingLock());
            raise.Status.ShouldBe(HttpStatusCode.ServiceUnavailable, raise.ToString());

            (await cluster.Start()).ShouldBe(cluster.ConnectionString);
            var back = Stopwatch.StartNew();
            Answer raised;
            while ((raised = await Send(HttpMethod.Post, "/api/issues", client, Bodies.ParkingLock())).Status != HttpStatusCode.Created)
            {
                back.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), $"serving within 10 s of PostgreSQL's return; last answer {raised}");
                await Task.Delay(100);
            }
            output.WriteLine($"serving {back.Elapsed.TotalSeconds:F1} s after PostgreSQL accepted connections");
            (await Get("/health/ready", client)).Status.ShouldBe(HttpStatusCode.OK);
            (await Get($"/api/issues/{raised.Id}", client)).Status.ShouldBe(HttpStatusCode.OK);
        }
        catch
        {
            if (host is not null) output.WriteLine(host.Output);
            throw;
        }
        finally
        {
            host?.Dispose();
            await cluster.Start();
        }
    }

    private static Task<Answer> Get(string path, FaultClient client) => Send(HttpMethod.Get, path, client, null);

    private static async Task<Answer> Send(HttpMethod method, string path, FaultClient client, object? body)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Headers = { Authorization = client.Host },
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body)
        };
        return await Answer.Of(await client.Http.SendAsync(request));
    }
}
