using IssueTracker.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IssueTracker.Host.Notifications;

public static class RetryDeliveryEndpoint
{
    /// <summary>Sends a delivery again at the sender's next poll: a dead-lettered one gets one more attempt.</summary>
    [WolverinePost("/api/deliveries/{id}/retry"), Authorize(Roles = Who.Hosts)]
    [ProducesResponseType<DeliveryView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var delivery = await session.LoadAsync<Delivery>(id, ct);
        if (delivery is null) return Problems.NotFound("delivery");
        delivery = delivery.Retried(clock.GetUtcNow());
        session.Store(delivery);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(DeliveryView.Of(delivery));
    }
}
