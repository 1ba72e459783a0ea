using System.Security.Claims;
using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Infrastructure;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IssueTracker.Host.Volunteers;

public static class RedeemRewardEndpoint
{
    /// <summary>Enough for every one of a burst of racing redemptions to be decided on a fresh read.</summary>
    public const int Attempts = 50;

    /// <summary>
    /// Spends the volunteer's points and one of the reward's stock in one transaction on both streams, both read for
    /// writing: a lost race on either stream saves nothing and is decided again on a fresh read, so the caller only
    /// ever hears 200, insufficient-points or out-of-stock, and neither balance goes below zero.
    /// </summary>
    [WolverinePost("/api/rewards/{rewardId}/redemptions"), Authorize(Roles = VolunteerWho.Registrars)]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid rewardId, RedeemReward command, IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (command.VolunteerId is not { } volunteerId || volunteerId == Guid.Empty)
            return Problems.For(new Validation().Add("volunteerId", "'volunteerId' is required.").ToRejection());

        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(user.Street());
            var reward = await session.Events.FetchForWriting<Reward>(rewardId, ct);
            if (reward.Aggregate is null) return Problems.NotFound("reward");
            var volunteer = await session.Events.FetchForWriting<Volunteer>(volunteerId, ct);
            if (volunteer.Aggregate is null) return Problems.NotFound("volunteer");
            if (request.IfMatchFails(volunteer.Aggregate.Version) is { } stale) return stale;

            var redemption = Redemption.Decide(volunteer.Aggregate, reward.Aggregate, user.ToActor(), clock.GetUtcNow());
            if (redemption.Rejection is { } rejection) return Problems.For(rejection);

            volunteer.AppendMany(redemption.ForVolunteer.Events);
            reward.AppendMany(redemption.ForReward.Events);
            var answer = CommandResponses.Accepted(request,
                new CommandAccepted(volunteerId, volunteer.Aggregate.Version + redemption.ForVolunteer.Events.Count));
            try
            {
                await session.SaveChangesAsync(ct);
                return answer;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 + 5 * Math.Min(attempt, 10)), ct);
            }
        }
    }
}
