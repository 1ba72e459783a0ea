using IssueTracker.Host.Organisations;
using IssueTracker.Projections.AssigneeQueue;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IssueTracker.Host.Boards;

public sealed record AssigneeQueueView(string Org, IReadOnlyList<BoardItem> Items, string? OrgName = null);

public sealed record AssigneeQueuesView(IReadOnlyList<AssigneeQueueView> Queues);

public static class GetAssigneeQueueEndpoint
{
    [WolverineGet("/api/boards/assignees/{org}")]
    [ProducesResponseType<AssigneeQueueView>(StatusCodes.Status200OK)]
    public static async Task<AssigneeQueueView> Get(string org, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var items = await session.Query<AssigneeQueueItem>()
            .Where(x => x.Assignee == org && x.Open)
            .OrderBy(x => x.DueBy).ThenBy(x => x.AssignedAt).ToListAsync(ct);
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return new AssigneeQueueView(org, items.Select(x => BoardItem.From(x, now).Named(names)).ToList(), names.NameOf(org));
    }

    /// <summary>Every organisation's open queue, for the wall board.</summary>
    [WolverineGet("/api/boards/assignees")]
    [ProducesResponseType<AssigneeQueuesView>(StatusCodes.Status200OK)]
    public static async Task<AssigneeQueuesView> GetAll(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var items = await session.Query<AssigneeQueueItem>().Where(x => x.Open)
            .OrderBy(x => x.DueBy).ThenBy(x => x.AssignedAt).Take(1000).ToListAsync(ct);
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return new AssigneeQueuesView(items.GroupBy(x => x.Assignee!)
            .Select(g => new AssigneeQueueView(g.Key, g.Select(x => BoardItem.From(x, now).Named(names)).ToList(), names.NameOf(g.Key)))
            .OrderByDescending(q => q.Items.Count).ThenBy(q => q.Org, StringComparer.Ordinal).ToList());
    }
}
