using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Notifications;

/// <summary>A delivery as hosts see it: where it went, how often it was tried, and its last error.</summary>
public sealed record DeliveryView(
    Guid Id, Guid NotificationId, string Channel, string Type, string Audience, string? Org, string Target, Guid IssueId,
    string Subject, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public static DeliveryView Of(Delivery d) => new(d.Id, d.NotificationId, Notices.Wire(d.Channel), Notices.Wire(d.Type),
        Notices.Wire(d.Audience), d.Org, d.Target, d.IssueId, d.Subject, Notices.Wire(d.Status), d.Attempts, d.LastError,
        d.CreatedAt, d.NextAttemptAt, d.DeliveredAt);
}

public sealed record DeliveryList(IReadOnlyList<DeliveryView> Items);

public static class ListDeliveriesEndpoint
{
    [WolverineGet("/api/deliveries"), Authorize(Roles = Who.Hosts)]
    [ProducesResponseType<DeliveryList>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string? org, string? status, IQuerySession session, CancellationToken ct)
    {
        DeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                return Problems.For(new Domain.Shared.Validation().Check(false, "status", "Unknown status: pending | delivered | deadLettered.").ToRejection());
            wanted = parsed;
        }
        var query = session.Query<Delivery>().AsQueryable();
        if (org is not null) query = query.Where(d => d.Org == org);
        if (wanted is { } s) query = query.Where(d => d.Status == s);
        var items = await query.OrderByDescending(d => d.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(new DeliveryList(items.Select(DeliveryView.Of).ToList()));
    }
}
