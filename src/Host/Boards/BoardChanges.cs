using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using IssueTracker.Projections.AssigneeQueue;
using IssueTracker.Projections.StatusBoard;
using Marten.Services;

namespace IssueTracker.Host.Boards;

/// <summary>
/// Tells open board pages of a street that its read models changed. Fed by the async daemon after it commits
/// board documents, so a page that refetches on the signal sees the new data; pages hold no database connection.
/// </summary>
public sealed class BoardChanges
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<bool>, byte>> _watchers = new();

    public void Publish(string street)
    {
        if (!_watchers.TryGetValue(street, out var channels)) return;
        foreach (var channel in channels.Keys) channel.Writer.TryWrite(true);
    }

    /// <summary>Yields once per burst of changes; a slow reader gets one signal for many commits.</summary>
    public async IAsyncEnumerable<string> Watch(string street, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var channels = _watchers.GetOrAdd(street, _ => new());
        channels.TryAdd(channel, 0);
        try
        {
            yield return "changed";
            while (await channel.Reader.WaitToReadAsync(ct))
            {
                channel.Reader.TryRead(out _);
                yield return "changed";
            }
        }
        finally
        {
            channels.TryRemove(channel, out _);
        }
    }
}

/// <summary>Runs only inside the async daemon (registered as an async listener).</summary>
internal sealed class BoardChangeListener(BoardChanges changes) : IChangeListener
{
    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var streets = commit.Updated.Concat(commit.Inserted)
            .Select(document => document switch
            {
                StatusBoardRow row => row.Street,
                AssigneeQueueItem item => item.Street,
                _ => null
            })
            .OfType<string>()
            .Distinct();
        foreach (var street in streets) changes.Publish(street);
        return Task.CompletedTask;
    }
}
