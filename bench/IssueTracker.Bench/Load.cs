using System.Diagnostics;

namespace IssueTracker.Bench;

/// <summary>The outcome of one closed-loop run: every worker repeats its operation until the time is up.</summary>
public sealed record LoadResult(
    int Concurrency, long Operations, double Seconds, double PerSecond, double P50Ms, double P95Ms, double P99Ms,
    long ServerErrors, long Conflicts, long OtherErrors);

public static class Load
{
    /// <summary>The first exception an operation threw (counted as a 5xx), for diagnosis.</summary>
    public static Exception? FirstException;

    /// <summary>
    /// Runs <paramref name="concurrency"/> workers for <paramref name="duration"/>; an operation returns its HTTP-like
    /// status (2xx ok, 409 conflict, 5xx server error). Each worker gets its own state from <paramref name="newWorker"/>.
    /// </summary>
    public static async Task<LoadResult> RunAsync<TWorker>(int concurrency, TimeSpan duration, Func<int, TWorker> newWorker,
        Func<TWorker, Task<int>> operation)
    {
        var latencies = new List<double>[concurrency];
        var statuses = new List<int>[concurrency];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var worker = newWorker(i);
            var mine = latencies[i] = new List<double>(4096);
            var codes = statuses[i] = new List<int>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                int status;
                try { status = await operation(worker); }
                catch (Exception e) { status = 599; FirstException ??= e; }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                codes.Add(status);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(x => x).Order().ToArray();
        var codesAll = statuses.SelectMany(x => x).ToArray();
        return new LoadResult(concurrency, all.Length, Math.Round(seconds, 2), Math.Round(all.Length / seconds, 1),
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99),
            codesAll.Count(c => c >= 500), codesAll.Count(c => c == 409),
            codesAll.Count(c => c is < 200 or >= 300 and not 409 and < 500));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);

    public static string Describe(this LoadResult r) =>
        $"c={r.Concurrency}: {r.PerSecond}/s, p50 {r.P50Ms} ms, p99 {r.P99Ms} ms, 5xx {r.ServerErrors}, 409 {r.Conflicts}, other {r.OtherErrors}";
}
