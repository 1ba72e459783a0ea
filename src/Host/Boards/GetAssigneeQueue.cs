using IssueTracker.Host.Organisations;
using IssueTracker.Projections.AssigneeQueue;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

public sealed record AssigneeQueueView(string Org, IReadOnlyList<BoardItem> Items, string? OrgName = null);

public sealed record AssigneeQueuesView(IReadOnlyList<AssigneeQueueView> Queues);

public static class GetAssigneeQueueEndpoint
{
    [ApiOperation("An organisation's open work queue", "责任单位待办队列",
        Description = "Open assignments of one organisation, soonest due first, with its name from the directory.",
        ChineseDescription = "某责任单位的待办事项，按到期时间排序，附名录中的单位名称。")]
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
    [ApiOperation("Every organisation's open work queue", "各责任单位待办队列",
        Description = "The wall board's queues: every organisation with open work, the longest queue first.",
        ChineseDescription = "大屏用：所有有待办事项的责任单位，待办最多的在前。")]
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
