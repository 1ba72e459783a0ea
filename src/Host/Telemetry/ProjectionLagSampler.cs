using System.Collections.Immutable;
using System.Diagnostics.Metrics;

namespace IssueTracker.Host.Telemetry;

/// <summary>
/// Samples how far each asynchronous projection shard is behind the event store's highest sequence. A gauge callback
/// must not query the database, so a background loop keeps the last sample for the gauge to read.
/// </summary>
public sealed class ProjectionLagSampler : BackgroundService
{
    private readonly IDocumentStore store;
    private readonly IConfiguration configuration;
    private readonly ILogger<ProjectionLagSampler> logger;
    private ImmutableArray<Measurement<long>> latest = [];

    public ProjectionLagSampler(IDocumentStore store, IConfiguration configuration, ILogger<ProjectionLagSampler> logger,
        IMeterFactory meters)
    {
        this.store = store;
        this.configuration = configuration;
        this.logger = logger;
        meters.Create(Instruments.Name).CreateObservableGauge("issuetracker.projection.lag", Observe, "{event}",
            "Events appended but not yet applied, per asynchronous projection shard");
    }

    private IEnumerable<Measurement<long>> Observe() => latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Telemetry:ProjectionLagInterval", TimeSpan.FromSeconds(15));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var statistics = await store.Advanced.FetchEventStoreStatistics(token: stoppingToken);
                var shards = await store.Advanced.AllProjectionProgress(token: stoppingToken);
                latest = [.. shards.Where(s => s.ShardName != "HighWaterMark").Select(s => new Measurement<long>(
                    Math.Max(0, statistics.EventSequenceNumber - s.Sequence),
                    new KeyValuePair<string, object?>("projection", s.ShardName)))];
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not sample projection lag");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
