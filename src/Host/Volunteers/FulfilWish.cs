using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class FulfilWishEndpoint
{
    public sealed record NamedVolunteers(IReadOnlyList<Volunteer> Found);

    public static async Task<NamedVolunteers> LoadAsync(FulfilWish command, IQuerySession session, CancellationToken ct) =>
        new(await Credits.LoadVolunteersAsync(session, command.VolunteerIds ?? [], ct));

    /// <summary>Whoever claimed the wish reports it fulfilled, naming (for a team) the volunteers who did it.</summary>
    [WolverinePost("/api/wishes/{wishId}/fulfil"), Authorize(Roles = VolunteerWho.Members)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        FulfilWish command, [Aggregate] Wish wish, NamedVolunteers volunteers, ClaimsPrincipal user, TimeProvider clock,
        HttpRequest request)
        => wish.Fulfil(command, volunteers.Found, user.ToActor(), clock.GetUtcNow()).Respond(wish.Id, wish.Version, request);
}
