using IssueTracker.Host.Organisations;
using IssueTracker.Projections.Issues;
using IssueTracker.Projections.StatusBoard;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

public static class GetOverdueEndpoint
{
    [ApiOperation("Overdue work", "超期事项",
        Description = "Issues whose deadline passed while they wait for the assignee.",
        ChineseDescription = "超过时限仍待责任单位处理的问题。")]
    [WolverineGet("/api/boards/overdue")]
    [ProducesResponseType<BoardItems>(StatusCodes.Status200OK)]
    public static async Task<BoardItems> Get(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await session.Query<StatusBoardRow>()
            .Where(OverdueRule.Where<StatusBoardRow>(now))
            .OrderBy(x => x.DueBy).Take(500).ToListAsync(ct);
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return new BoardItems(rows.Select(x => BoardItem.From(x, now).Named(names)).ToList());
    }
}
