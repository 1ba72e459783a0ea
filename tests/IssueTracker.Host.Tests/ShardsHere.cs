using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime.Agents;

namespace IssueTracker.Host.Tests;

/// <summary>
/// Under Wolverine's distribution a fresh host runs no projection until the leader assigns it one; a host of an
/// earlier collection that did not unregister holds its shards until it is seen as stale. A fixture waits for its
/// host to run every async shard, so a test's first board read does not spend its own timeout on that.
/// </summary>
public static class ShardsHere
{
    public static async Task WaitUntilThisHostRunsEveryShard(this IServiceProvider services, TimeSpan within)
    {
        var options = (StoreOptions)services.GetRequiredService<IDocumentStore>().Options;
        var shards = options.Projections.All.Where(x => x.Lifecycle == ProjectionLifecycle.Async).Select(x => $"{x.Name}:All").ToList();
        var coordinator = services.GetRequiredService<IProjectionCoordinator>();
        var deadline = DateTime.UtcNow + within;
        var missing = shards;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var running = coordinator.DaemonForMainDatabase().CurrentAgents().Select(x => x.Name.Identity).ToHashSet();
                missing = shards.Where(x => !running.Contains(x)).ToList();
                if (missing.Count == 0) return;
            }
            catch (DaemonNotRunningOnThisNodeException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"After {within} this host still did not run {string.Join(", ", missing)}.");
    }
}
