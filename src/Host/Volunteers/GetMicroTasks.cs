using IssueTracker.Domain.Volunteers;
using IssueTracker.Projections.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public sealed record MicroTaskList(IReadOnlyList<MicroTaskCard> Items);

public static class GetMicroTasksEndpoint
{
    /// <summary>The task board: newest first, optionally by status or team (open ones are there to be claimed).</summary>
    [WolverineGet("/api/micro-tasks")]
    public static async Task<MicroTaskList> List(MicroTaskStatus? status, string? team, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<MicroTaskCard>().AsQueryable();
        if (status is { } wanted) query = query.Where(t => t.Status == wanted);
        if (!string.IsNullOrEmpty(team)) query = query.Where(t => t.Team == team);
        return new(await query.OrderByDescending(t => t.PublishedAt).Take(500).ToListAsync(ct));
    }

    [WolverineGet("/api/micro-tasks/{microTaskId}")]
    [ProducesResponseType<MicroTaskCard>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid microTaskId, IQuerySession session, HttpContext context, CancellationToken ct)
    {
        var task = await session.LoadAsync<MicroTaskCard>(microTaskId, ct);
        if (task is null) return Problems.NotFound("micro-task");
        context.Response.SetETag(task.Version);
        return TypedResults.Ok(task);
    }
}
