using IssueTracker.Domain.Volunteers;
using IssueTracker.Projections.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class MatchNeedEndpoint
{
    public sealed record NamedResource(Resource? Resource);

    public static async Task<NamedResource> LoadAsync(MatchNeed command, IQuerySession session, CancellationToken ct) =>
        new(command.ResourceId is { } id && id != Guid.Empty ? (await session.LoadAsync<ResourceCard>(id, ct))?.ToResource() : null);

    /// <summary>A host records that a resource meets an open need of its category and community.</summary>
    [WolverinePost("/api/needs/{needId}/match"), Authorize(Roles = VolunteerWho.Staff)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        MatchNeed command, [Aggregate] Need need, NamedResource named, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => need.Match(command, named.Resource, user.ToActor(), clock.GetUtcNow()).Respond(need.Id, need.Version, request);
}
