using System.Diagnostics;
using System.Text.Json;
using IssueTracker.Domain.Issues;
using Marten;
using Marten.Events;

namespace IssueTracker.Bench;

public sealed record AuditResult(int Events, double HistoryMs, double VerifyMs, double TotalMs, bool Valid);

/// <summary>One long issue (raise, assign, acknowledge, then progress reports) read back by an auditor.</summary>
public static class AuditPhase
{
    private const string Street = "bench-audit";

    public static async Task<AuditResult> RunAsync(BenchHost host, int events, int repeats)
    {
        var id = await SeedAsync(host.Store, events);
        // The daemon projects the 10,000 events just appended (seconds of work): an auditor's read is timed on its own.
        await host.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
        using var auditor = host.Client(host.Token(Street, "auditor", "审计员"));
        var runs = new List<(double History, double Verify, bool Valid)>();
        for (var i = 0; i <= repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var history = await auditor.GetAsync($"/api/issues/{id}/history");
            history.EnsureSuccessStatusCode();
            var count = JsonDocument.Parse(await history.Content.ReadAsStreamAsync()).RootElement.GetArrayLength();
            var historyMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            using var verify = await auditor.GetAsync($"/api/issues/{id}/history/verify");
            verify.EnsureSuccessStatusCode();
            var valid = JsonDocument.Parse(await verify.Content.ReadAsStreamAsync()).RootElement.GetProperty("valid").GetBoolean();
            if (i > 0) runs.Add((historyMs, clock.Elapsed.TotalMilliseconds, valid && count == events));
        }
        var median = runs.OrderBy(r => r.History + r.Verify).ElementAt(runs.Count / 2);
        return new AuditResult(events, Math.Round(median.History, 1), Math.Round(median.Verify, 1),
            Math.Round(median.History + median.Verify, 1), runs.All(r => r.Valid));
    }

    private static async Task<Guid> SeedAsync(IDocumentStore store, int events)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7();
        await using (var session = store.LightweightSession(Street))
        {
            session.Events.StartStream<Issue>(id, [.. Issue.Raise(Lifecycle.Raise(1), Lifecycle.Reporter, now).Events]);
            await session.SaveChangesAsync();
        }
        for (var step = 1; step <= 2; step++)
        {
            await using var session = store.LightweightSession(Street);
            var stream = await session.Events.FetchForWriting<Issue>(id);
            stream.AppendMany(Lifecycle.Decide(step, stream.Aggregate!, now).Events);
            await session.SaveChangesAsync();
        }
        for (var written = 3; written < events;)
        {
            var batch = Math.Min(1_000, events - written);
            await using var session = store.LightweightSession(Street);
            session.Events.Append(id, Enumerable.Range(written, batch)
                .Select(n => (object)new ProgressReported($"第{n}次回访：已联系车主，进展顺利", Lifecycle.Assignee, now)).ToArray());
            await session.SaveChangesAsync();
            written += batch;
        }
        return id;
    }
}
