using System.Diagnostics;
using IssueTracker.Projections.StatusBoard;
using Marten;

namespace IssueTracker.Bench;

public sealed record FreshnessResult(int Samples, double P50Ms, double P99Ms, double MaxMs, int TimedOut);

/// <summary>
/// While the HTTP load runs: repeatedly takes the command answered most recently and polls its status board row
/// until the row shows that step's status (or a later one), timing from the 2xx to the first read that shows it.
/// </summary>
public static class Freshness
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    public static async Task<FreshnessResult> ProbeAsync(IDocumentStore store, string street, HttpPhase load, Task running)
    {
        var samples = new List<double>();
        var timedOut = 0;
        await using var session = store.QuerySession(street);
        while (!running.IsCompleted)
        {
            if (load.Latest is not { } done)
            {
                await Task.Delay(20);
                continue;
            }
            var wanted = Lifecycle.StatusAfter[done.Step];
            while (true)
            {
                var row = await session.LoadAsync<StatusBoardRow>(done.Issue);
                var seen = Stopwatch.GetElapsedTime(done.AnsweredAt);
                if (row is not null && Array.IndexOf(Lifecycle.StatusAfter, row.Status) >= Array.IndexOf(Lifecycle.StatusAfter, wanted))
                {
                    samples.Add(seen.TotalMilliseconds);
                    break;
                }
                if (seen > GiveUp)
                {
                    timedOut++;
                    samples.Add(seen.TotalMilliseconds);
                    break;
                }
                await Task.Delay(10);
            }
            await Task.Delay(50);
        }
        var sorted = samples.Order().ToArray();
        return new FreshnessResult(sorted.Length, Load.Percentile(sorted, 0.5), Load.Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 2), timedOut);
    }
}
