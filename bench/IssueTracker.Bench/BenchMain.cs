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
/// [--seconds S] [--connection CS]
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
        if (only == "rebuild")
        {
            await ScalePhase.SeedAsync(host.Store, ScalePhase.Small, options.SmallIssues);
            await ScalePhase.SeedAsync(host.Store, ScalePhase.Large, options.LargeIssues);
            var r = await ScalePhase.RebuildAsync(host, db);
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
        var memory = new MemoryResult(Memory.PeakMb(), rssBefore, reset, 0, 0);
        Progress.Say($"board freshness p50 {freshness!.P50Ms} ms, p99 {freshness.P99Ms} ms ({freshness.Samples} samples); peak RSS {memory.HostPeakRssMb} MB");
        await host.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));

        Progress.Say($"audit: appending a {options.AuditEvents:N0}-event issue");
        var audit = await AuditPhase.RunAsync(host, options.AuditEvents, options.QueryRepeats);
        Progress.Say($"audit: history {audit.HistoryMs} ms + verify {audit.VerifyMs} ms, valid {audit.Valid}");

        Progress.Say($"bulk-loading {options.SmallIssues:N0} + {options.LargeIssues:N0} issues");
        await ScalePhase.SeedAsync(host.Store, ScalePhase.Small, options.SmallIssues);
        await ScalePhase.SeedAsync(host.Store, ScalePhase.Large, options.LargeIssues);
        var rebuild = await ScalePhase.RebuildAsync(host, db);
        Progress.Say($"rebuild: {rebuild.Events:N0} events in {rebuild.RebuildSeconds} s (read {rebuild.ReadSeconds} s)");
        var queries = new Dictionary<string, QueryLatency>
        {
            ["small"] = await ScalePhase.QueryAsync(host, ScalePhase.Small, options.SmallIssues, options.QueryRepeats),
            ["large"] = await ScalePhase.QueryAsync(host, ScalePhase.Large, options.LargeIssues, options.QueryRepeats)
        };

        // The host alone: its own process, after the in-process host (and its daemon) has stopped.
        var auth = host.Auth;
        await host.DisposeAsync();
        Progress.Say("starting the host as a process of its own to measure its memory");
        var separate = await HostMemoryAsync(connection, auth, options);
        memory = memory with { SeparateHostPeakRssMb = separate.Peak, SeparateHostRssAfterMb = separate.After };
        Progress.Say($"host process: peak RSS {separate.Peak} MB, {separate.After} MB after the load");

        var ratios = Report.RatiosOf(raw, direct, http, rebuild, queries);
        var machine = new Machine(Environment.ProcessorCount, loadStart, LoadAverage(), RuntimeInformation.OSDescription,
            Environment.Version.ToString(), await Database.ServerVersionAsync(connection));
        var report = new Report(options.Mode, started, Math.Round(clock.Elapsed.TotalSeconds, 1), machine, raw, direct, http,
            roundTrips,
            freshness, rebuild, audit, queries, memory, ratios, Report.Check(ratios, http, freshness, audit, memory));

        await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(report, Report.Json));
        var markdown = report.Markdown();
        await File.WriteAllTextAsync(Path.ChangeExtension(options.Out, ".md"), markdown);
        Console.WriteLine(markdown);
        Progress.Say($"wrote {options.Out} and {Path.ChangeExtension(options.Out, ".md")} in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>Warm-up, then HTTP c=8 and c=32 against the host process; its peak RSS includes its start-up.</summary>
    private static async Task<(double Peak, double After)> HostMemoryAsync(string connection, Host.Infrastructure.AuthOptions auth,
        BenchOptions options)
    {
        await using var process = await HostProcess.StartAsync(connection, auth);
        foreach (var (c, duration) in new[] { (2, options.Warmup), (8, options.HttpPhase), (32, options.HttpPhase) })
        {
            var phase = new HttpPhase(process, "bench-memory");
            var run = await phase.RunAsync(c, duration);
            if (run.ServerErrors > 0) throw new InvalidOperationException($"The host process failed: {phase.FirstError}");
        }
        return (process.PeakMb(), process.CurrentMb());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
