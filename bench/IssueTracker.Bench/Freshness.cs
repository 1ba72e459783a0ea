using System.Diagnostics;
using IssueTracker.Projections.StatusBoard;
using Marten;

namespace IssueTracker.Bench;

public sealed record FreshnessResult(int Samples, double P50Ms, double P99Ms, double MaxMs, int TimedOut);

/// <summary>
/// While the HTTP load runs: every 25 ms takes the command answered most recently (if new) as a sample, and polls the
/// status board rows of all pending samples in one query every 10 ms, timing each from its 2xx to the first read that
/// shows that step's status (or a later one). Many samples overlap, so the p99 rests on a few hundred of them.
/// </summary>
public static class Freshness
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    public static async Task<FreshnessResult> ProbeAsync(IDocumentStore store, string street, HttpPhase load, Task running)
    {
        var samples = new List<double>();
        var pending = new Dictionary<Guid, HttpPhase.Completed>();
        var timedOut = 0;
        var lastTaken = 0L;
        await using var session = store.QuerySession(street);
        while (!running.IsCompleted || pending.Count > 0)
        {
            if (!running.IsCompleted && load.Latest is { } done && done.AnsweredAt != lastTaken
                && Stopwatch.GetElapsedTime(lastTaken).TotalMilliseconds >= 25 && !pending.ContainsKey(done.Issue))
            {
                pending[done.Issue] = done;
                lastTaken = done.AnsweredAt;
            }
            if (pending.Count > 0)
            {
                var rows = await session.LoadManyAsync<StatusBoardRow>(pending.Keys);
                var seen = rows.ToDictionary(r => r.Id);
                foreach (var (issue, sample) in pending.ToList())
                {
                    var elapsed = Stopwatch.GetElapsedTime(sample.AnsweredAt);
                    var shown = seen.TryGetValue(issue, out var row)
                                && Array.IndexOf(Lifecycle.StatusAfter, row.Status) >= Array.IndexOf(Lifecycle.StatusAfter, Lifecycle.StatusAfter[sample.Step]);
                    if (!shown && elapsed <= GiveUp) continue;
                    if (!shown) timedOut++;
                    samples.Add(elapsed.TotalMilliseconds);
                    pending.Remove(issue);
                }
            }
            await Task.Delay(10);
        }
        var sorted = samples.Order().ToArray();
        return new FreshnessResult(sorted.Length, Load.Percentile(sorted, 0.5), Load.Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 2), timedOut);
    }
}
