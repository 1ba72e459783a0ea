using IssueTracker.Domain.Volunteers;
using IssueTracker.Projections.IssueDetails;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class PublishMicroTaskEndpoint
{
    public sealed record Origin((string Title, string Community)? Issue, bool TeamExists);

    /// <summary>The discussion-meeting issue the task comes from, if any, as found in the caller's street.</summary>
    public static async Task<Origin> LoadAsync(PublishMicroTask command, IQuerySession session, CancellationToken ct)
    {
        var issue = command.IssueId is { } id && id != Guid.Empty ? await session.LoadAsync<IssueDetails>(id, ct) : null;
        return new(issue is null ? null : (issue.Title, issue.Location.Community), await VolunteerTeams.ExistsAsync(session, command.TeamId, ct));
    }

    /// <summary>A host publishes a micro-task (微实事), from scratch or from an issue, optionally for a team at once.</summary>
    [WolverinePost("/api/micro-tasks"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        PublishMicroTask command, Origin origin, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => MicroTask.Publish(command, origin.Issue, origin.TeamExists, user.ToActor(), clock.GetUtcNow())
            .StartStream<MicroTask>("/api/micro-tasks", request);
}
