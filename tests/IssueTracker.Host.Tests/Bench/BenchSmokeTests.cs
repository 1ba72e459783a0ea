using System.Diagnostics;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Bench;

/// <summary>
/// The benchmark builds with the solution and a --tiny run writes a complete report. It runs as its own process (it
/// starts its own host) against a database of its own next to the test database.
/// </summary>
public class BenchSmokeTests
{
    private static readonly string[] Fields =
    [
        "mode", "started_at", "duration_seconds", "machine.cores", "machine.load_average_start", "machine.postgres",
        "raw.c1.per_second", "raw.c8.per_second", "raw.c8.p99_ms",
        "direct.c1.per_second", "direct.c8.per_second", "direct.c8.p99_ms",
        "http.c1.per_second", "http.c8.per_second", "http.c32.per_second", "http.c8.p50_ms", "http.c8.p95_ms",
        "http.c8.p99_ms", "http.c8.server_errors", "http.c8.conflicts", "http.c32.other_errors",
        "freshness.samples", "freshness.p50_ms", "freshness.p99_ms",
        "streets", "catch_up.loaded_events", "catch_up.backlog", "catch_up.seconds", "catch_up.events_per_second",
        "rebuild.events", "rebuild.read_seconds", "rebuild.rebuild_seconds", "rebuild.projection_seconds.StatusBoard",
        "rebuild.street_alone.street", "rebuild.street_alone.events", "rebuild.street_alone.seconds",
        "audit.events", "audit.history_ms", "audit.verify_ms", "audit.total_ms", "audit.valid",
        "queries.small.board_p50_ms", "queries.small.list_p50_ms", "queries.large.board_p50_ms", "queries.large.list_p50_ms",
        "memory.host_peak_rss_mb", "memory.development_host_peak_rss_mb", "memory.bench_process_peak_rss_mb",
        "production_build", "round_trips_per_operation.direct_c1", "round_trips_per_operation.http_c1",
        "ratios.http_vs_direct", "ratios.direct_vs_raw", "ratios.rebuild_vs_read", "ratios.query_large_vs_small"
    ];

    [Fact]
    public async Task A_tiny_benchmark_run_writes_a_report_with_every_figure_and_ratio()
    {
        var report = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        var (exitCode, errors) = await RunBenchAsync("--tiny", "--out", report);
        exitCode.ShouldBe(0, errors);

        var json = JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement;
        foreach (var field in Fields)
            field.Split('.').Aggregate(json, (node, name) => node.TryGetProperty(name, out var child)
                ? child
                : throw new ShouldAssertException($"The report has no '{field}'."));
        json.GetProperty("http").GetProperty("c8").GetProperty("operations").GetInt64().ShouldBeGreaterThan(0);
        json.GetProperty("audit").GetProperty("valid").GetBoolean().ShouldBeTrue();
        var alone = json.GetProperty("rebuild").GetProperty("street_alone");
        alone.GetProperty("events").GetInt64().ShouldBeGreaterThan(0);
        alone.GetProperty("events").GetInt64().ShouldBeLessThan(json.GetProperty("rebuild").GetProperty("events").GetInt64());
        json.GetProperty("memory").GetProperty("development_host_peak_rss_mb").GetDouble().ShouldBeGreaterThan(0);
        json.GetProperty("targets").GetArrayLength().ShouldBe(10);
        File.Exists(Path.ChangeExtension(report, ".md")).ShouldBeTrue();
    }

    private static async Task<(int ExitCode, string Errors)> RunBenchAsync(params string[] args)
    {
        // Built beside this test assembly's configuration (the test project references the bench project).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "IssueTracker.sln"))) root = root.Parent!;
        var dll = Path.Combine(root.FullName, "bench", "IssueTracker.Bench", "bin", configuration, "net10.0", "IssueTracker.Bench.dll");

        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
        {
            WorkingDirectory = root.FullName, RedirectStandardError = true, RedirectStandardOutput = true
        };
        start.Environment["ConnectionStrings__Marten"] = AppFixture.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await errors);
    }
}
