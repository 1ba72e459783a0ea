using System.Globalization;

namespace IssueTracker.Bench;

/// <summary>How big and how long each phase runs: --tiny (seconds, for the smoke test), --quick (default), --full.</summary>
public sealed record BenchOptions(
    string Mode, TimeSpan RawPhase, TimeSpan DirectPhase, TimeSpan HttpPhase, int SmallIssues, int LargeIssues,
    int AuditEvents, int QueryRepeats, string Out, string? ConnectionString)
{
    public TimeSpan Warmup => Mode == "tiny" ? S(0.5) : S(2);

    public static BenchOptions Parse(string[] args)
    {
        string Value(string flag) => args.SkipWhile(a => a != flag).Skip(1).FirstOrDefault()
                                     ?? throw new ArgumentException($"{flag} needs a value");
        var mode = args.Contains("--tiny") ? "tiny" : args.Contains("--full") ? "full" : "quick";
        var @out = args.Contains("--out") ? Value("--out") : "bench-report.json";
        var connection = args.Contains("--connection") ? Value("--connection") : null;
        BenchOptions chosen = mode switch
        {
            "tiny" => new(mode, S(0.3), S(0.5), S(0.6), 100, 500, 100, 2, @out, connection),
            "full" => new(mode, S(10), S(20), S(30), 10_000, 1_000_000, 10_000, 30, @out, connection),
            _ => new(mode, S(4), S(8), S(12), 10_000, 100_000, 10_000, 15, @out, connection)
        };
        // For profiling the command path: longer load runs on a small data set (e.g. --tiny --seconds 10).
        return args.Contains("--seconds") && double.Parse(Value("--seconds"), CultureInfo.InvariantCulture) is var seconds
            ? chosen with { RawPhase = S(seconds / 2), DirectPhase = S(seconds), HttpPhase = S(seconds) }
            : chosen;
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}
