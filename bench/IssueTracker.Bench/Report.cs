using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IssueTracker.Bench;

public sealed record Machine(int Cores, string LoadAverageStart, string LoadAverageEnd, string Os, string Dotnet, string Postgres);

/// <summary>
/// The host run as a process of its own (start-up included), with its RSS after the load: in Production with
/// pre-generated code (the target; 0 when not measured) and in Development (Roslyn and run-time code generation); and
/// the bench process's peak over the in-process HTTP runs (host and load generator together).
/// </summary>
public sealed record MemoryResult(double HostPeakRssMb, double HostRssAfterMb,
    double DevelopmentHostPeakRssMb, double DevelopmentHostRssAfterMb,
    double BenchProcessPeakRssMb, double RssBeforeHttpMb, bool PeakReset);

public sealed record Ratios(double HttpVsDirect, double DirectVsRaw, double RebuildVsRead, double QueryLargeVsSmall);

public sealed record Target(string Name, string Goal, double Measured, bool Met);

public sealed record Report(
    string Mode, DateTimeOffset StartedAt, double DurationSeconds, Machine Machine,
    IReadOnlyDictionary<string, LoadResult> Raw, IReadOnlyDictionary<string, LoadResult> Direct,
    IReadOnlyDictionary<string, LoadResult> Http, IReadOnlyDictionary<string, double> RoundTripsPerOperation,
    FreshnessResult Freshness, IReadOnlyList<Street> Streets, CatchUpResult CatchUp, RebuildResult Rebuild, AuditResult Audit,
    IReadOnlyDictionary<string, QueryLatency> Queries, MemoryResult Memory, ProductionBuildResult? ProductionBuild,
    Ratios Ratios, IReadOnlyList<Target> Targets)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals
    };

    public static Ratios RatiosOf(IReadOnlyDictionary<string, LoadResult> raw, IReadOnlyDictionary<string, LoadResult> direct,
        IReadOnlyDictionary<string, LoadResult> http, RebuildResult rebuild, IReadOnlyDictionary<string, QueryLatency> queries)
    {
        var small = queries["small"];
        var large = queries["large"];
        return new Ratios(
            Ratio(http["c8"].PerSecond, direct["c8"].PerSecond),
            Ratio(direct["c8"].PerSecond, raw["c8"].PerSecond),
            Ratio(rebuild.ReadSeconds, rebuild.RebuildSeconds),
            Math.Max(Ratio(large.BoardP50Ms, small.BoardP50Ms), Ratio(large.ListP50Ms, small.ListP50Ms)));
    }

    /// <summary>Issue #21's "Done when" goals, and the earlier ones they do not replace.</summary>
    public static IReadOnlyList<Target> Check(Ratios r, IReadOnlyDictionary<string, LoadResult> http, FreshnessResult fresh,
        AuditResult audit, MemoryResult memory, IReadOnlyDictionary<string, double> roundTrips) =>
    [
        new("http_vs_direct", ">= 0.8", r.HttpVsDirect, r.HttpVsDirect >= 0.8),
        new("direct_vs_raw", ">= 0.1", r.DirectVsRaw, r.DirectVsRaw >= 0.1),
        new("round_trips_direct_c1", "<= 4", roundTrips["direct_c1"], roundTrips["direct_c1"] is > 0 and <= 4),
        new("http_p99_ms_c8", "<= 50", http["c8"].P99Ms, http["c8"].P99Ms <= 50),
        new("http_5xx_c8", "== 0", http["c8"].ServerErrors, http["c8"].ServerErrors == 0),
        new("board_freshness_p99_ms", "<= 300", fresh.P99Ms, fresh.Samples > 0 && fresh.P99Ms <= 300),
        new("rebuild_vs_read", ">= 0.1", r.RebuildVsRead, r.RebuildVsRead >= 0.1),
        new("audit_history_verify_ms", "<= 200", audit.TotalMs, audit.Valid && audit.TotalMs <= 200),
        new("query_large_vs_small", "<= 1.5", r.QueryLargeVsSmall, r.QueryLargeVsSmall <= 1.5),
        new("host_peak_rss_mb", "<= 300", memory.HostPeakRssMb, memory.HostPeakRssMb is > 0 and <= 300)
    ];

    private static double Ratio(double a, double b) => b == 0 ? 0 : Math.Round(a / b, 3);

    public string Markdown()
    {
        var md = new StringBuilder();
        string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
        md.AppendLine($"Mode `{Mode}`, {StartedAt:yyyy-MM-dd HH:mm} UTC, {F(DurationSeconds)} s; {Machine.Cores} cores, load average {Machine.LoadAverageStart} at start, {Machine.LoadAverageEnd} at end; PostgreSQL {Machine.Postgres}, .NET {Machine.Dotnet}.");
        md.AppendLine();
        md.AppendLine("| path | c | ops/s | p50 ms | p95 ms | p99 ms | 5xx | 409 | other |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, runs) in new[] { ("raw INSERT", Raw), ("direct Marten", Direct), ("HTTP", Http) })
            foreach (var r in runs.Values)
                md.AppendLine($"| {name} | {r.Concurrency} | {F(r.PerSecond)} | {F(r.P50Ms)} | {F(r.P95Ms)} | {F(r.P99Ms)} | {r.ServerErrors} | {r.Conflicts} | {r.OtherErrors} |");
        md.AppendLine();
        md.AppendLine("| measure | value |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| database round trips per operation, c=1 (incl. the daemon's) | {string.Join(", ", RoundTripsPerOperation.Where(r => r.Key.EndsWith("c1")).Select(r => $"{r.Key} {F(r.Value)}"))} |");
        md.AppendLine($"| board freshness (HTTP c=8) | p50 {F(Freshness.P50Ms)} ms, p99 {F(Freshness.P99Ms)} ms, max {F(Freshness.MaxMs)} ms ({Freshness.Samples} samples, {Freshness.TimedOut} timed out) |");
        md.AppendLine($"| bulk load: {Streets.Count} streets, {Streets.Sum(x => x.Issues):N0} issues ({string.Join(", ", Streets.Select(x => x.Issues.ToString("N0", CultureInfo.InvariantCulture)))}), {CatchUp.LoadedEvents:N0} events | daemon catch-up after the load: {CatchUp.Backlog:N0} events behind, {F(CatchUp.Seconds)} s ({F(CatchUp.EventsPerSecond)} events/s) |");
        md.AppendLine($"| rebuild of {string.Join(", ", Rebuild.ProjectionSeconds.Keys)} over {Rebuild.Events:N0} events | {F(Rebuild.RebuildSeconds)} s ({F(Rebuild.EventsPerSecond)} events/s); raw read {F(Rebuild.ReadSeconds)} s |");
        md.AppendLine($"| rebuild of the same, {Rebuild.StreetAlone.Street} alone, over its {Rebuild.StreetAlone.Events:N0} events and in place | {F(Rebuild.StreetAlone.Seconds)} s ({F(Rebuild.StreetAlone.EventsPerSecond)} events/s) |");
        md.AppendLine($"| audit: history + verify of {Audit.Events:N0} events | {F(Audit.TotalMs)} ms (history {F(Audit.HistoryMs)}, verify {F(Audit.VerifyMs)}), valid {Audit.Valid} |");
        foreach (var (name, q) in Queries)
            md.AppendLine($"| queries, {name} street ({q.Issues:N0} issues) | board p50 {F(q.BoardP50Ms)} ms (p95 {F(q.BoardP95Ms)}), list p50 {F(q.ListP50Ms)} ms (p95 {F(q.ListP95Ms)}) |");
        md.AppendLine($"| peak RSS during the HTTP runs (host + load generator) | {F(Memory.BenchProcessPeakRssMb)} MB (from {F(Memory.RssBeforeHttpMb)} MB) |");
        md.AppendLine($"| host as its own process (Development): peak RSS incl. start-up, HTTP c=8 and c=32 | {F(Memory.DevelopmentHostPeakRssMb)} MB ({F(Memory.DevelopmentHostRssAfterMb)} MB after the load) |");
        md.AppendLine(ProductionBuild is { } build
            ? $"| host as its own process (**Production**, pre-generated code): the same | {F(Memory.HostPeakRssMb)} MB ({F(Memory.HostRssAfterMb)} MB after the load); build {build.Key[..12]} {(build.Cached ? "cached" : "built")} in {F(build.Seconds)} s |"
            : "| host as its own process (**Production**, pre-generated code) | not measured (`--tiny` without `--production`, or `--no-production`) |");
        md.AppendLine();
        md.AppendLine("| target | goal | measured | met |");
        md.AppendLine("|---|---|---:|---|");
        foreach (var t in Targets) md.AppendLine($"| {t.Name} | {t.Goal} | {F(t.Measured)} | {(t.Met ? "yes" : "**no**")} |");
        return md.ToString();
    }
}
