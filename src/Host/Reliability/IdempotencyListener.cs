using Marten;
using Microsoft.AspNetCore.Http;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// Stores the answer to a keyed command in the same transaction as its events, so a crash can never leave the
/// events without the key (which would let a retry apply the command twice). Insert, not upsert: of two concurrent
/// requests with one key, the second fails and appends nothing.
/// </summary>
internal sealed class IdempotencyListener(TimeProvider clock, IHttpContextAccessor http) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Idempotency.ToStore(http.HttpContext) is var (pending, reply) && session.PendingChanges.Streams().Any())
        {
            session.Insert(new IdempotencyRecord(pending.Id, pending.RequestHash, reply.Status, reply.Body, reply.Location,
                clock.GetUtcNow()));
        }
        return Task.CompletedTask;
    }
}
