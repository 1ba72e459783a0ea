using IssueTracker.Domain.Shared;
using Marten.Services;

namespace IssueTracker.Host.Audit;

/// <summary>
/// Copies each event's author into its stored metadata (the "actor" header and user name), so the raw event log names
/// who did what even for readers that do not know our event types; then links each event into its stream's hash
/// chain (the actor header is part of what the hash covers), and remembers the chain heads it committed.
/// </summary>
internal sealed class AuditTrail(ChainHeads heads) : DocumentSessionListenerBase
{
    public const string ActorHeader = "actor";

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams())
        {
            foreach (var e in stream.Events)
            {
                if (e.Data is not IAuthoredEvent authored) continue;
                e.SetHeader(ActorHeader, authored.By);
                e.UserName = authored.By.Id;
            }

            await HashStamp.StampAsync(session, stream, heads, token);
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        heads.Remember(session.TenantId, commit.GetStreams());
        return Task.CompletedTask;
    }
}
