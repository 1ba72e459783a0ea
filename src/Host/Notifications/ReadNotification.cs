using IssueTracker.Host.Reliability;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Notifications;

public static class ReadNotificationEndpoint
{
    /// <summary>
    /// Marks a notification of the caller's inbox read (for everyone reading that inbox); again is a no-op. An
    /// Idempotency-Key replays the first answer.
    /// </summary>
    [WolverinePost("/api/notifications/{id}/read"), Authorize(Roles = GetNotificationsEndpoint.Readers)]
    [ProducesResponseType<InAppNotification>(StatusCodes.Status200OK)]
    public static async Task<IResult> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        HttpContext context, CancellationToken ct)
    {
        var notification = await session.LoadAsync<InAppNotification>(id, ct);
        if (notification is null || notification.Inbox != GetNotificationsEndpoint.InboxOf(user))
            return Problems.NotFound("notification");
        if (notification.ReadAt is null)
        {
            notification = notification with { ReadAt = clock.GetUtcNow() };
            session.Store(notification);
            IdempotentAnswers.Remember(context, session, clock, StatusCodes.Status200OK, notification, null);
            await session.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(notification);
    }
}
