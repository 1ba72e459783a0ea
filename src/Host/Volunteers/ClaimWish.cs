using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ClaimWishEndpoint
{
    public sealed record Claimant(Volunteer? Volunteer, bool TeamExists);

    public static async Task<Claimant> LoadAsync(ClaimWish command, IQuerySession session, CancellationToken ct) => new(
        command.VolunteerId is { } id && id != Guid.Empty ? await session.Events.AggregateStreamAsync<Volunteer>(id, token: ct) : null,
        await VolunteerTeams.ExistsAsync(session, command.TeamId, ct));

    /// <summary>A volunteer claims a wish for themself, a team leader for their team.</summary>
    [WolverinePost("/api/wishes/{wishId}/claim"), Authorize(Roles = VolunteerWho.Members)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ClaimWish command, [Aggregate] Wish wish, Claimant claimant, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => wish.Claim(command, claimant.Volunteer, claimant.TeamExists, user.ToActor(), clock.GetUtcNow())
            .Respond(wish.Id, wish.Version, request);
}
