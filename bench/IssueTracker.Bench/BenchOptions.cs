using System.Globalization;

namespace IssueTracker.Bench;

/// <summary>
/// How big and how long each phase runs: --tiny (seconds, for the smoke test), --quick (default), --full.
/// <see cref="Streets"/> are the bulk-loaded streets' sizes in issues; <see cref="ProgressReports"/> &gt; 0 takes every
/// bulk-loaded issue a spread of the way through its lifecycle with that many progress reports on those in progress
/// (≈ 10 events an issue, as --quick and --full load them), 0 keeps them at one or two events (--tiny, and
/// <c>--progress-reports 0</c>: the shape --quick had until 2026-12-04). <see cref="Production"/>: the host's memory is also
/// measured in Production (it needs a cached or fresh <see cref="ProductionBuild"/>, too slow for --tiny's default).
/// </summary>
public sealed record BenchOptions(
    string Mode, TimeSpan RawPhase, TimeSpan DirectPhase, TimeSpan HttpPhase, int[] Streets, int ProgressReports,
    int AuditEvents, int QueryRepeats, bool Production, string Out, string? ConnectionString)
{
    public TimeSpan Warmup => Mode == "tiny" ? S(0.5) : S(2);
    public int SmallIssues => Streets.Min();
    public int LargeIssues => Streets.Max();
    /// <summary>How long the daemon may take to catch up or rebuild: ≈ 9M events at a few thousand a second in --full.</summary>
    public TimeSpan Patience => Mode == "full" ? TimeSpan.FromHours(6) : TimeSpan.FromMinutes(20);

    /// <summary>1,000,000 issues in 14 streets, the largest 30 %, as a district's streets differ.</summary>
    private static readonly int[] District =
        [300_000, 150_000, 100_000, 80_000, 70_000, 60_000, 50_000, 40_000, 35_000, 30_000, 25_000, 25_000, 20_000, 15_000];

    public static BenchOptions Parse(string[] args)
    {
        string Value(string flag) => args.SkipWhile(a => a != flag).Skip(1).FirstOrDefault()
                                     ?? throw new ArgumentException($"{flag} needs a value");
        var mode = args.Contains("--tiny") ? "tiny" : args.Contains("--full") ? "full" : "quick";
        var @out = args.Contains("--out") ? Value("--out") : "bench-report.json";
        var connection = args.Contains("--connection") ? Value("--connection") : null;
        var production = args.Contains("--production") || (mode != "tiny" && !args.Contains("--no-production"));
        BenchOptions chosen = mode switch
        {
            "tiny" => new(mode, S(0.3), S(0.5), S(0.6), [100, 500], 0, 100, 2, production, @out, connection),
            "full" => new(mode, S(10), S(20), S(30), District, 12, 10_000, 30, production, @out, connection),
            _ => new(mode, S(4), S(8), S(12), [10_000, 100_000], 12, 10_000, 15, production, @out, connection)
        };
        // --full's shape at any size, e.g. --tiny --streets 50,100,300 --progress-reports 12.
        if (args.Contains("--streets"))
            chosen = chosen with { Streets = Value("--streets").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() };
        if (args.Contains("--progress-reports"))
            chosen = chosen with { ProgressReports = int.Parse(Value("--progress-reports"), CultureInfo.InvariantCulture) };
        // For profiling the command path: longer load runs on a small data set (e.g. --tiny --seconds 10).
        return args.Contains("--seconds") && double.Parse(Value("--seconds"), CultureInfo.InvariantCulture) is var seconds
            ? chosen with { RawPhase = S(seconds / 2), DirectPhase = S(seconds), HttpPhase = S(seconds) }
            : chosen;
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}
