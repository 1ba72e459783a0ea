using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public static class RedeemRewardEndpoint
{
    /// <summary>
    /// Spends the volunteer's points and one of the reward's stock in one transaction on both streams, both read for
    /// writing; lost races are retried, so the caller only ever hears 200, insufficient-points or out-of-stock, and
    /// neither balance goes below zero. The answer is the volunteer's stream and its new version.
    /// </summary>
    [WolverinePost("/api/rewards/{rewardId}/redemptions"), Authorize(Roles = VolunteerWho.Registrars)]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid rewardId, RedeemReward command, IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (command.VolunteerId is not { } volunteerId || volunteerId == Guid.Empty)
            return Problems.For(new Validation().Add("volunteerId", "'volunteerId' is required.").ToRejection());

        return await RetriedWrites.RunAsync(store, request.HttpContext, clock, async session =>
        {
            var reward = await session.Events.FetchForWriting<Reward>(rewardId, ct);
            if (reward.Aggregate is null) return Problems.NotFound("reward");
            var volunteer = await session.Events.FetchForWriting<Volunteer>(volunteerId, ct);
            if (volunteer.Aggregate is null) return Problems.NotFound("volunteer");
            if (request.IfMatchFails(volunteer.Aggregate.Version) is { } stale) return stale;

            var redemption = Redemption.Decide(volunteer.Aggregate, reward.Aggregate, user.ToActor(), clock.GetUtcNow());
            if (redemption.Rejection is { } rejection) return Problems.For(rejection);

            volunteer.AppendMany(redemption.ForVolunteer.Events);
            reward.AppendMany(redemption.ForReward.Events);
            return TypedResults.Ok(
                new CommandAccepted(volunteerId, volunteer.Aggregate.Version + redemption.ForVolunteer.Events.Count));
        }, ct);
    }
}
