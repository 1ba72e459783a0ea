using System.Diagnostics;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Projections.AssigneeQueue;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.StatusBoard;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IssueTracker.Bench;

public sealed record RebuildResult(long Events, double ReadSeconds, double RebuildSeconds, double EventsPerSecond,
    IReadOnlyDictionary<string, double> ProjectionSeconds, StreetRebuildResult StreetAlone);

/// <summary>One street's projections rebuilt alone, in place over its rows, while the other streets' rows stay as they are.</summary>
public sealed record StreetRebuildResult(string Street, long Events, double Seconds, double EventsPerSecond);

public sealed record QueryLatency(int Issues, double BoardP50Ms, double BoardP95Ms, double ListP50Ms, double ListP95Ms);

/// <summary>
/// After <see cref="Seed"/>'s bulk load: every projection rebuilt from the whole event log and timed against a plain
/// sequential read of it, then the smallest street's projections rebuilt alone; then the board and list queries in
/// the smallest and the largest street.
/// </summary>
public static class ScalePhase
{
    public const string Small = "bench-small", Large = "bench-large";
    // BENCH_PROJECTIONS=StatusBoard rebuilds that one alone (for profiling one projection at a time).
    private static readonly string[] Projections =
        Environment.GetEnvironmentVariable("BENCH_PROJECTIONS")?.Split(',') ?? ["StatusBoard", "AssigneeQueue", nameof(IssueDetails)];

    private static readonly Dictionary<string, Type> Documents = new()
    {
        ["StatusBoard"] = typeof(StatusBoardRow), ["AssigneeQueue"] = typeof(AssigneeQueueItem), [nameof(IssueDetails)] = typeof(IssueDetails)
    };

    public static async Task<RebuildResult> RebuildAsync(BenchHost host, NpgsqlDataSource db, TimeSpan patience)
    {
        // The daemon first catches up on the bulk load, so neither the read nor the rebuild shares the cores with it.
        await host.Store.WaitForNonStaleProjectionDataAsync(patience);
        var (events, readSeconds) = await RawPhase.ReadAllEventsAsync(db);
        Progress.Say($"  read {events:N0} events in {readSeconds:F1} s; rebuilding {string.Join(", ", Projections)} together");
        var rebuild = host.Services.GetRequiredService<StreamRebuild>();
        var clock = Stopwatch.StartNew();
        // From nothing, as Marten's own rebuild starts (its teardown truncates): every document is written, none is only
        // rewritten in place.
        foreach (var name in Projections) await host.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(Documents[name]);
        using (var timeout = new CancellationTokenSource(patience))
            await rebuild.RebuildAsync(Projections, street: null, timeout.Token);
        // One pass over the events folds them all: each took the whole time.
        var each = Projections.ToDictionary(x => x, _ => Math.Round(clock.Elapsed.TotalSeconds, 2));
        var seconds = clock.Elapsed.TotalSeconds;
        await host.Store.WaitForNonStaleProjectionDataAsync(patience);
        var alone = await StreetAloneAsync(host, db, rebuild, patience);
        Progress.Say($"  {alone.Street} alone: {alone.Events:N0} events in {alone.Seconds} s");
        return new RebuildResult(events, Math.Round(readSeconds, 2), Math.Round(seconds, 2), Math.Round(events / seconds), each, alone);
    }

    /// <summary>The smallest street, over its rows, while the larger ones keep theirs: its rate shows that a street costs its own events only.</summary>
    private static async Task<StreetRebuildResult> StreetAloneAsync(BenchHost host, NpgsqlDataSource db, StreamRebuild rebuild, TimeSpan patience)
    {
        await using var count = db.CreateCommand("select count(*) from issuetracker.mt_events where tenant_id = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = Small });
        var events = Convert.ToInt64(await count.ExecuteScalarAsync());
        var clock = Stopwatch.StartNew();
        using (var timeout = new CancellationTokenSource(patience))
            await rebuild.RebuildAsync(Projections, Small, timeout.Token);
        var seconds = clock.Elapsed.TotalSeconds;
        await host.Store.WaitForNonStaleProjectionDataAsync(patience);
        return new StreetRebuildResult(Small, events, Math.Round(seconds, 2), Math.Round(events / seconds));
    }

    public static async Task<QueryLatency> QueryAsync(BenchHost host, string street, int issues, int repeats)
    {
        using var client = host.Client(host.Token(street, "host", "李主任"));
        var board = await TimeAsync(client, "/api/boards/status?groupBy=community", repeats);
        var list = await TimeAsync(client, "/api/issues?pageSize=50", repeats);
        return new QueryLatency(issues, board.P50, board.P95, list.P50, list.P95);
    }

    private static async Task<(double P50, double P95)> TimeAsync(HttpClient client, string path, int repeats)
    {
        var times = new List<double>();
        for (var i = -2; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.LoadIntoBufferAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 0) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var sorted = times.Order().ToArray();
        return (Load.Percentile(sorted, 0.5), Load.Percentile(sorted, 0.95));
    }
}
