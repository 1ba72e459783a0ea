using System.Diagnostics;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Demo;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;

namespace IssueTracker.Bench;

public sealed record Street(string Name, int Issues);

/// <summary>How long the async daemon took, after the bulk load ended, to apply what it had not applied yet.</summary>
public sealed record CatchUpResult(long LoadedEvents, long Backlog, double Seconds, double EventsPerSecond);

/// <summary>
/// Bulk-loads the streets' issues with <c>BulkInsertEventsAsync</c> (no listeners, no hash chain: the bench's own
/// database only) while the daemon runs, then times its catch-up. The smallest street is <see cref="ScalePhase.Small"/>,
/// the largest <see cref="ScalePhase.Large"/>.
/// </summary>
public static class Seed
{
    private static readonly DeadlinePolicy Policy = new();

    public static IReadOnlyList<Street> Streets(int[] sizes)
    {
        var ordered = sizes.Order().ToArray();
        return ordered.Select((issues, i) => new Street(
            i == 0 ? ScalePhase.Small : i == ordered.Length - 1 ? ScalePhase.Large : $"bench-street-{i:00}", issues)).ToList();
    }

    public static async Task<CatchUpResult> LoadAsync(IDocumentStore store, IReadOnlyList<Street> streets, int progressReports, TimeSpan patience)
    {
        var before = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
        foreach (var street in streets) // smallest first, as the bench always has (its rows are the oldest)
            await StreetAsync(store, street, progressReports);
        var loaded = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
        var applied = (await store.Advanced.AllProjectionProgress())
            .Where(s => s.ShardName != ShardState.HighWaterMark).Select(s => s.Sequence).DefaultIfEmpty(loaded).Min();
        var clock = Stopwatch.StartNew();
        await store.WaitForNonStaleProjectionDataAsync(patience);
        var seconds = clock.Elapsed.TotalSeconds;
        var backlog = Math.Max(0, loaded - applied);
        return new CatchUpResult(loaded - before, backlog, Math.Round(seconds, 2), Math.Round(backlog / Math.Max(seconds, 0.001)));
    }

    private static async Task StreetAsync(IDocumentStore store, Street street, int progressReports)
    {
        var graph = (IEventRegistry)((DocumentStore)store).Options.Events;
        var until = DateTimeOffset.UtcNow;
        var now = until.AddDays(-30);
        for (var from = 0; from < street.Issues; from += 20_000)
        {
            var streams = Enumerable.Range(from, Math.Min(20_000, street.Issues - from))
                .Select(n => StreamAction.Start(graph, Guid.CreateVersion7(), Events(n, now.AddSeconds(n), progressReports, until)))
                .ToList();
            await store.BulkInsertEventsAsync(street.Name, streams, 5_000);
            Progress.Say($"  {street.Name}: {from + streams.Count:N0} of {street.Issues:N0} issues loaded");
        }
    }

    /// <summary>
    /// Without progress reports: raised, and every fourth one assigned. With them: the n-th issue goes n % 6 steps of
    /// the lifecycle (raised … confirmed), those past "in progress" with that many progress reports. Then the deadline
    /// timers due by <paramref name="until"/> fire, as a running service's would have: a missed step is flagged
    /// overdue (and 督办 follows) in the history itself.
    /// </summary>
    private static object[] Events(int n, DateTimeOffset at, int progressReports, DateTimeOffset until)
    {
        var raised = Issue.Raise(Lifecycle.Raise(n), Lifecycle.Reporter, at).Events[0];
        var events = new List<object> { raised };
        var issue = Issue.Create(Guid.Empty, (IssueRaised)raised);
        if (progressReports == 0)
        {
            if (n % 4 == 0)
            {
                var assigned = new IssueAssigned(Lifecycle.Org, at.AddDays(40), null, Lifecycle.Host, at.AddMinutes(5));
                events.Add(assigned);
                issue = Issue.Evolve(issue, assigned);
            }
        }
        else
        {
            for (var step = 1; step <= n % 6; step++)
                for (var repeat = 0; repeat < (step == 3 ? progressReports : 1); repeat++)
                {
                    var decision = Lifecycle.Decide(step, issue, at.AddMinutes(events.Count));
                    if (!decision.IsAccepted) throw new InvalidOperationException($"Seeding step {step}: {decision.Rejection}");
                    foreach (var e in decision.Events) issue = Issue.Evolve(issue, e);
                    events.AddRange(decision.Events);
                }
        }
        DemoSeeder.FireTimers(issue, events, [], until, Policy);
        return [.. events];
    }
}
