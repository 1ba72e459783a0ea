using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Attachments;

/// <summary>
/// Removes stored bytes that no committed PhotoAttached names (an upload that failed or was killed after storing its
/// files), once they are older than Attachments:OrphanGrace: on start, then every Attachments:SweepInterval.
/// </summary>
public sealed class OrphanSweep(IAttachmentStore files, IDocumentStore store, AttachmentOptions options, TimeProvider clock,
    ILogger<OrphanSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, clock);
        do
        {
            try
            {
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0) logger.LogInformation("Removed {Count} stored attachment files that no event names", removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The attachment orphan sweep failed; it runs again in {Interval}", options.SweepInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var candidates = await files.ListStoredBeforeAsync(clock.GetUtcNow() - options.OrphanGrace, ct);
        if (candidates.Count == 0) return 0;
        var named = await NamedByEvents(candidates, ct);
        var orphans = candidates.Where(f => !named.Contains(f)).ToList();
        foreach (var orphan in orphans) await files.DeleteAsync(orphan.Street, orphan.Id, ct);
        return orphans.Count;
    }

    private async Task<HashSet<StoredFile>> NamedByEvents(IReadOnlyList<StoredFile> candidates, CancellationToken ct)
    {
        var named = new HashSet<StoredFile>();
        foreach (var street in candidates.GroupBy(c => c.Street))
        {
            await using var session = store.QuerySession(street.Key);
            var ids = street.Select(c => c.Id).Distinct().ToArray();
            var attached = await session.Events.QueryRawEventDataOnly<PhotoAttached>()
                .Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            named.UnionWith(attached.Select(id => new StoredFile(street.Key, id)));
        }
        return named;
    }
}
