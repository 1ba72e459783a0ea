using IssueTracker.Host.Reliability;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Notifications;

public static class RetryDeliveryEndpoint
{
    /// <summary>
    /// Sends a delivery again at the sender's next poll: a dead-lettered one gets one more attempt. An Idempotency-Key
    /// replays the first answer and asks for no second attempt.
    /// </summary>
    [WolverinePost("/api/deliveries/{id}/retry"), Authorize(Roles = Who.Hosts)]
    [ProducesResponseType<DeliveryView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, IDocumentSession session, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        var delivery = await session.LoadAsync<Delivery>(id, ct);
        if (delivery is null) return Problems.NotFound("delivery");
        delivery = delivery.Retried(clock.GetUtcNow());
        session.Store(delivery);
        var view = DeliveryView.Of(delivery);
        IdempotentAnswers.Remember(context, session, clock, StatusCodes.Status200OK, view, null);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(view);
    }
}
