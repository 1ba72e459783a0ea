using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Reliability.Faults;

[Collection(FaultCollection.Name)]
public class CrashRecoveryTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_killed_mid_burst_and_restarted_applies_every_retried_command_exactly_once()
    {
        using var client = new FaultClient();
        var burst = new LifecycleBurst(client, issues: 334);
        var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http);
        try
        {
            var run = burst.Run(TimeSpan.FromSeconds(100));
            await Until(() => burst.Answered >= burst.Commands / 2 || run.IsCompleted);
            host.Kill();
            var answeredBeforeKill = burst.Answered;
            host.Dispose();
            host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http);
            await run;

            output.WriteLine($"{burst.Commands} commands, {answeredBeforeKill} answered before SIGKILL, " +
                             $"{burst.Unanswered} sends without an answer");
            answeredBeforeKill.ShouldBeLessThan(burst.Commands, "the host was killed in the middle of the burst");
            burst.Unanswered.ShouldBeGreaterThan(0, "some commands were in flight or sent while the host was down");
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
            host.Dispose();
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        while (!condition()) await Task.Delay(20);
    }
}
