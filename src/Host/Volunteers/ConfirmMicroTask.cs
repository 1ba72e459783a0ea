using IssueTracker.Domain.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public static class ConfirmMicroTaskEndpoint
{
    /// <summary>A host confirms the task: the task and each participant's service record, in one transaction.</summary>
    [WolverinePost("/api/micro-tasks/{microTaskId}/confirm"), Authorize(Roles = VolunteerWho.Staff)]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid microTaskId, IDocumentStore store, PointsRule rule, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        RetriedWrites.RunAsync(store, request.HttpContext, clock, async session =>
        {
            var task = await session.Events.FetchForWriting<MicroTask>(microTaskId, ct);
            if (task.Aggregate is null) return Problems.NotFound("micro-task");
            if (request.IfMatchFails(task.Aggregate.Version) is { } stale) return stale;
            return await task.Aggregate.Confirm(rule, user.ToActor(), clock.GetUtcNow())
                .AppendAsync(task, task.Aggregate.Version, session, ct);
        }, ct);
}
