using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using IssueTracker.Domain.Issues;
using Marten;
using Marten.Events;
using Npgsql;

namespace IssueTracker.Bench;

/// <summary>
/// dotnet run -c Release --project bench/IssueTracker.Bench -- [--tiny | --quick | --full] [--out report.json]
/// [--seconds S] [--connection CS] [--production | --no-production]
/// Writes the JSON report and, beside it, the Markdown table (also printed on stdout); progress goes to stderr.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        RoundTrips.Start();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var loadStart = LoadAverage();
        Progress.Say($"mode {options.Mode}; load average {loadStart}");

        // Before anything is measured, so that the build does not share the cores with a measurement.
        ProductionBuildResult? production = null;
        if (options.Production)
        {
            production = await ProductionBuild.EnsureAsync();
            Progress.Say($"production host {production.Key[..12]}: {(production.Cached ? "cached" : "built")} in {production.Seconds} s");
        }

        var connection = await Database.PrepareAsync(options.ConnectionString);
        Progress.Say($"database {new NpgsqlConnectionStringBuilder(connection).Database} created; starting the host");
        await using var host = BenchHost.Start(connection);
        await using var db = NpgsqlDataSource.Create(connection);
        Progress.Say($"host listening on {host.Address}; warming up");
        var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
        if (only == "audit")
        {
            var a = await AuditPhase.RunAsync(host, options.AuditEvents, options.QueryRepeats);
            Progress.Say($"ONLY audit: history {a.HistoryMs} ms + verify {a.VerifyMs} ms = {a.TotalMs}, valid {a.Valid}");
            return 0;
        }
        var streets = Seed.Streets(options.Streets);
        if (only == "rebuild")
        {
            var loaded = await Seed.LoadAsync(host.Store, streets, options.ProgressReports, options.Patience);
            Progress.Say($"ONLY rebuild: catch-up {loaded.Backlog:N0} events in {loaded.Seconds} s");
            var r = await ScalePhase.RebuildAsync(host, db, options.Patience);
            Progress.Say($"ONLY rebuild: {r.Events:N0} events in {r.RebuildSeconds} s (read {r.ReadSeconds} s) {string.Join(", ", r.ProjectionSeconds)}");
            return 0;
        }
        await DirectPhase.RunAsync(host.Store, "bench-warmup", 2, options.Warmup);
        if (only == "direct")
        {
            await host.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
            Progress.Say("ONLY direct: rebuilding nothing; measuring direct c=1");
            var (d, trips) = await RoundTrips.MeasureAsync(() => DirectPhase.RunAsync(host.Store, "bench-direct", 1, options.DirectPhase));
            Progress.Say($"ONLY direct: {d.Describe()}, {trips} round trips per command");
            return 0;
        }
        var warmup = new HttpPhase(host, "bench-warmup");
        var warm = await warmup.RunAsync(2, options.Warmup);
        if (warm.Operations == 0 || warm.ServerErrors + warm.Conflicts + warm.OtherErrors > 0)
            throw new InvalidOperationException(
                $"The host does not answer the lifecycle correctly: {warm.Describe()}; {warmup.FirstError}", Load.FirstException);

        var sample = Issue.Raise(Lifecycle.Raise(1), Lifecycle.Reporter, DateTimeOffset.UtcNow).Events[0];
        var eventJson = host.Store.Options.Serializer().ToJson(sample);
        var raw = new Dictionary<string, LoadResult>();
        var roundTrips = new Dictionary<string, double>();
        foreach (var c in new[] { 1, 8 })
        {
            (raw[$"c{c}"], roundTrips[$"raw_c{c}"]) = await RoundTrips.MeasureAsync(() => RawPhase.InsertAsync(db, c, options.RawPhase, eventJson));
            Progress.Say($"raw INSERT {raw[$"c{c}"].Describe()}");
        }

        var direct = new Dictionary<string, LoadResult>();
        foreach (var c in new[] { 1, 8 })
        {
            (direct[$"c{c}"], roundTrips[$"direct_c{c}"]) =
                await RoundTrips.MeasureAsync(() => DirectPhase.RunAsync(host.Store, "bench-direct", c, options.DirectPhase));
            Progress.Say($"direct Marten {direct[$"c{c}"].Describe()}");
        }
        await host.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));

        var reset = Memory.ResetPeak();
        var rssBefore = Memory.CurrentMb();
        var http = new Dictionary<string, LoadResult>();
        FreshnessResult? freshness = null;
        foreach (var c in new[] { 1, 8, 32 })
        {
            var phase = new HttpPhase(host, "bench-http");
            var run = RoundTrips.MeasureAsync(() => phase.RunAsync(c, options.HttpPhase));
            if (c == 8) freshness = await Freshness.ProbeAsync(host.Store, "bench-http", phase, run);
            (http[$"c{c}"], roundTrips[$"http_c{c}"]) = await run;
            Progress.Say($"HTTP {http[$"c{c}"].Describe()}");
        }
        var benchPeak = Memory.PeakMb();
        Progress.Say($"board freshness p50 {freshness!.P50Ms} ms, p99 {freshness.P99Ms} ms ({freshness.Samples} samples); peak RSS {benchPeak} MB");
        await host.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));

        Progress.Say($"audit: appending a {options.AuditEvents:N0}-event issue");
        var audit = await AuditPhase.RunAsync(host, options.AuditEvents, options.QueryRepeats);
        Progress.Say($"audit: history {audit.HistoryMs} ms + verify {audit.VerifyMs} ms, valid {audit.Valid}");

        Progress.Say($"bulk-loading {streets.Sum(s => s.Issues):N0} issues in {streets.Count} streets");
        var catchUp = await Seed.LoadAsync(host.Store, streets, options.ProgressReports, options.Patience);
        Progress.Say($"daemon caught up on {catchUp.Backlog:N0} of {catchUp.LoadedEvents:N0} events in {catchUp.Seconds} s ({catchUp.EventsPerSecond} events/s)");
        var rebuild = await ScalePhase.RebuildAsync(host, db, options.Patience);
        Progress.Say($"rebuild: {rebuild.Events:N0} events in {rebuild.RebuildSeconds} s (read {rebuild.ReadSeconds} s)");
        var queries = new Dictionary<string, QueryLatency>
        {
            ["small"] = await ScalePhase.QueryAsync(host, ScalePhase.Small, options.SmallIssues, options.QueryRepeats),
            ["large"] = await ScalePhase.QueryAsync(host, ScalePhase.Large, options.LargeIssues, options.QueryRepeats)
        };

        // The host alone: its own process, after the in-process host (and its daemon) has stopped.
        var auth = host.Auth;
        await host.DisposeAsync();
        Progress.Say("starting the host as a process of its own (Development) to measure its memory");
        var development = await HostMemoryAsync(() => HostProcess.DevelopmentAsync(connection, auth), options);
        Progress.Say($"Development host process: peak RSS {development.Peak} MB, {development.After} MB after the load");
        var productionHost = (Peak: 0.0, After: 0.0);
        if (production is not null)
        {
            productionHost = await HostMemoryAsync(() => HostProcess.ProductionAsync(production.Directory, connection, auth), options);
            Progress.Say($"Production host process: peak RSS {productionHost.Peak} MB, {productionHost.After} MB after the load");
        }
        var memory = new MemoryResult(productionHost.Peak, productionHost.After, development.Peak, development.After,
            benchPeak, rssBefore, reset);

        var ratios = Report.RatiosOf(raw, direct, http, rebuild, queries);
        var machine = new Machine(Environment.ProcessorCount, loadStart, LoadAverage(), RuntimeInformation.OSDescription,
            Environment.Version.ToString(), await Database.ServerVersionAsync(connection));
        var report = new Report(options.Mode, started, Math.Round(clock.Elapsed.TotalSeconds, 1), machine, raw, direct, http,
            roundTrips,
            freshness, streets, catchUp, rebuild, audit, queries, memory, production, ratios,
            Report.Check(ratios, http, freshness, audit, memory, roundTrips));

        await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(report, Report.Json));
        var markdown = report.Markdown();
        await File.WriteAllTextAsync(Path.ChangeExtension(options.Out, ".md"), markdown);
        Console.WriteLine(markdown);
        Progress.Say($"wrote {options.Out} and {Path.ChangeExtension(options.Out, ".md")} in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>Warm-up, then HTTP c=8 and c=32 against the host process; its peak RSS includes its start-up.</summary>
    private static async Task<(double Peak, double After)> HostMemoryAsync(Func<Task<HostProcess>> start, BenchOptions options)
    {
        await using var process = await start();
        foreach (var (c, duration) in new[] { (2, options.Warmup), (8, options.HttpPhase), (32, options.HttpPhase) })
        {
            var phase = new HttpPhase(process, "bench-memory");
            var run = await phase.RunAsync(c, duration);
            // A refused token (401) would measure a host that does no work: the warm-up must go through the lifecycle.
            if (run.ServerErrors > 0 || (c == 2 && (run.Operations == 0 || run.OtherErrors > 0)))
                throw new InvalidOperationException($"The host process failed: {run.Describe()}; {phase.FirstError}");
        }
        return (process.PeakMb(), process.CurrentMb());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
