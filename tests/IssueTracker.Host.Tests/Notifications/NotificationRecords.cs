using IssueTracker.Host.Notifications;

namespace IssueTracker.Host.Tests.Notifications;

/// <summary>Given state for the notification endpoints: an in-app notification and a dead-lettered delivery, stored as the sender stores them.</summary>
public static class NotificationRecords
{
    public const string OrganisationInbox = "org:" + Street.PropertyCompany;

    public static async Task<Guid> Notification(Street street, string inbox = OrganisationInbox)
    {
        var notification = new InAppNotification
        {
            Id = Guid.NewGuid(), Inbox = inbox, Type = NoticeType.Assigned, IssueId = Guid.NewGuid(), Subject = "【新交办】明光小区地锁占道",
            Body = "事项「明光小区地锁占道」已交办给贵单位。", Link = "https://gongzuotai.example/issues/x", OccurredAt = DateTimeOffset.UtcNow
        };
        await using var session = street.App.Store.LightweightSession(street.Id);
        session.Store(notification);
        await session.SaveChangesAsync();
        return notification.Id;
    }

    /// <summary>A mail that ran out of attempts (mail is off in the plain test host, so a retry fails again, harmlessly).</summary>
    public static async Task<Guid> DeadLetter(Street street)
    {
        var now = DateTimeOffset.UtcNow;
        var delivery = new Delivery
        {
            Id = Guid.NewGuid(), Street = street.Id, NotificationId = Guid.NewGuid(), Channel = Channel.Email, Type = NoticeType.Assigned,
            Audience = AudienceKind.Organisation, Org = Street.PropertyCompany, Target = "paidan@hongse-wuye.test", IssueId = Guid.NewGuid(),
            OccurredAt = now, Subject = "【新交办】明光小区地锁占道", Status = DeliveryStatus.DeadLettered, Attempts = 6,
            LastError = "SmtpCommandException: mailbox unavailable", CreatedAt = now, NextAttemptAt = now
        };
        await using var session = street.App.Store.LightweightSession(street.Id);
        session.Store(delivery);
        await session.SaveChangesAsync();
        return delivery.Id;
    }
}
