using IssueTracker.Host.Reliability;
using JasperFx;

namespace IssueTracker.Host.Volunteers;

/// <summary>
/// Writes that change several streams at once (a redemption, a confirmation that credits volunteers) and may race
/// others on any of them: each attempt reads the streams for writing in a session of its own and saves them in one
/// transaction; an attempt that lost an optimistic race saved nothing and is decided again on a fresh read.
/// </summary>
public static class RetriedWrites
{
    /// <summary>Enough for every one of a burst of racing requests to be decided on a fresh read.</summary>
    public const int Attempts = 50;

    /// <param name="attempt">Reads, decides and appends; returns the answer (a rejection appends nothing).</param>
    public static async Task<IResult> RunAsync(IDocumentStore store, HttpContext context, TimeProvider clock,
        Func<IDocumentSession, Task<IResult>> attempt, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            await using var session = store.LightweightSession(context.User.Street());
            var answer = await attempt(session);
            if (!session.PendingChanges.Streams().Any()) return answer;
            if (answer is Ok<CommandAccepted> accepted)
                IdempotentAnswers.Store((Results<Ok<CommandAccepted>, ProblemHttpResult>)accepted, context, session, clock);
            try
            {
                await session.SaveChangesAsync(ct);
                return answer;
            }
            catch (ConcurrencyException) when (n < Attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + 5 * Math.Min(n, 10)), ct);
            }
        }
    }
}
