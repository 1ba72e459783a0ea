using IssueTracker.Domain.Issues;
using JasperFx;
using Marten;

namespace IssueTracker.Bench;

/// <summary>
/// The command path without HTTP: the host's own IDocumentStore (inline IssueDetails, actor and hash-chain listener),
/// FetchForWriting, the domain's decide function, append, SaveChanges: what an endpoint does, minus the web stack.
/// </summary>
public static class DirectPhase
{
    private sealed class Worker(string street, int id)
    {
        public string Street { get; } = street;
        public int Step { get; set; }
        public int Count { get; set; } = id * 1_000_000;
        public Guid Issue { get; set; }
    }

    public static Task<LoadResult> RunAsync(IDocumentStore store, string street, int concurrency, TimeSpan duration) =>
        Load.RunAsync(concurrency, duration, i => new Worker(street, i), async w =>
        {
            try
            {
                return await StepAsync(store, w);
            }
            catch (ConcurrencyException)
            {
                w.Step = 0;
                return 409;
            }
        });

    private static async Task<int> StepAsync(IDocumentStore store, Worker w)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = store.LightweightSession(w.Street);
        if (w.Step == 0)
        {
            var raised = Issue.Raise(Lifecycle.Raise(w.Count++), Lifecycle.Reporter, now);
            if (!raised.IsAccepted) return 400;
            w.Issue = Guid.CreateVersion7();
            session.Events.StartStream<Issue>(w.Issue, [.. raised.Events]);
        }
        else
        {
            var stream = await session.Events.FetchForWriting<Issue>(w.Issue);
            var decision = Lifecycle.Decide(w.Step, stream.Aggregate!, now);
            if (!decision.IsAccepted)
            {
                w.Step = 0;
                return 409;
            }
            stream.AppendMany(decision.Events);
        }
        await session.SaveChangesAsync();
        w.Step = (w.Step + 1) % Lifecycle.Steps;
        return 200;
    }
}
