using IssueTracker.Domain.Issues;
using IssueTracker.Projections.StatusBoard;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

public sealed record ActivityItem(Guid IssueId, string Title, IssueStatus Status, string Type, string By, DateTimeOffset At);

public sealed record ActivityView(IReadOnlyList<ActivityItem> Items);

public static class GetActivityEndpoint
{
    public const int MaxLimit = 50;

    /// <summary>The issues that moved last, newest first: what the wall shows as "just happened".</summary>
    [ApiOperation("Latest activity", "最新动态",
        Description = "The issues that moved last, newest first.",
        ChineseDescription = "最近有变化的问题，最新的在前。")]
    [WolverineGet("/api/boards/activity")]
    [ProducesResponseType<ActivityView>(StatusCodes.Status200OK)]
    public static async Task<ActivityView> Get(int? limit, IQuerySession session, CancellationToken ct)
    {
        var rows = await session.Query<StatusBoardRow>()
            .OrderByDescending(x => x.LastActivity.At).ThenBy(x => x.Id)
            .Take(Math.Clamp(limit ?? 10, 1, MaxLimit)).ToListAsync(ct);
        return new ActivityView(rows.Select(x =>
            new ActivityItem(x.Id, x.Title, x.Status, x.LastActivity.Type, x.LastActivity.By, x.LastActivity.At)).ToList());
    }
}
