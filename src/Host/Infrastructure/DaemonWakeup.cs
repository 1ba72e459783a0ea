using JasperFx.Events.Daemon.HighWater;
using Marten.Events.Daemon.HighWater;
using Marten.Services;
using Npgsql;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Wakes the async daemon soon after events are appended, but lets a few appends gather first. Projecting each
/// command on its own costs the daemon about seven database round trips (high-water mark, event page, then a load
/// and a write per projection), which tripled a lone writer's cost; gathering for up to
/// <c>Projections:WakeupLinger</c> or <c>Projections:WakeupBatch</c> appends, whichever comes first, spreads that over
/// many commands while the boards stay fresh within a fraction of a second. Without any append the daemon polls as
/// before (Marten's slow polling time).
/// </summary>
public sealed class GatheringWakeup(IDaemonWakeup notifications, int batch, TimeSpan linger, TimeProvider clock) : IDaemonWakeup
{
    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        var started = clock.GetTimestamp();
        await notifications.WaitAsync(timeout, token);
        if (clock.GetElapsedTime(started) >= timeout) return;

        var gathered = clock.GetTimestamp();
        for (var appends = 1; appends < batch; appends++)
        {
            var left = linger - clock.GetElapsedTime(gathered);
            if (left <= TimeSpan.Zero) return;
            await notifications.WaitAsync(left, token);
        }
    }

    public void Dispose() => notifications.Dispose();
}

/// <summary>Sends the NOTIFY that <see cref="GatheringWakeup"/> listens for, in the same batch as the appended events.</summary>
internal sealed class AppendNotice : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Any())
            session.QueueSqlCommand($"select pg_notify('{PostgresqlListenWakeup.DefaultChannel}', '')");
        return Task.CompletedTask;
    }
}

public static class DaemonWakeupSetup
{
    /// <summary>The daemon's wake-up: on appends, gathered (above); its LISTEN connection comes from a data source of its own.</summary>
    public static void AddIssueTrackerDaemonWakeup(this WebApplicationBuilder builder)
    {
        var batch = builder.Configuration.GetValue("Projections:WakeupBatch", 25);
        var linger = builder.Configuration.GetValue("Projections:WakeupLinger", TimeSpan.FromMilliseconds(150));
        builder.Services.AddSingleton(_ => new WakeupConnections(NpgsqlDataSource.Create(builder.Configuration.ConnectionString())));
        builder.Services.ConfigureMarten((services, options) =>
        {
            options.Listeners.Add(new AppendNotice());
            var listen = new PostgresqlListenWakeup(services.GetRequiredService<WakeupConnections>().Source,
                services.GetRequiredService<ILogger<GatheringWakeup>>());
            options.Projections.Wakeup = new GatheringWakeup(listen, batch, linger, services.GetRequiredService<TimeProvider>());
        });
    }
}

/// <summary>The one connection the daemon's LISTEN holds, apart from the store's pool.</summary>
internal sealed class WakeupConnections(NpgsqlDataSource source) : IDisposable
{
    public NpgsqlDataSource Source { get; } = source;
    public void Dispose() => Source.Dispose();
}
