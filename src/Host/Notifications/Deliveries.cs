using System.Security.Cryptography;
using System.Text;

namespace IssueTracker.Host.Notifications;

public enum DeliveryStatus { Pending, Delivered, DeadLettered }

public enum Channel { Email, Webhook, Wecom }

/// <summary>
/// One notice on its way to one channel of one recipient: created in the same transaction that records the
/// subscription's progress past the event, so a committed event gives exactly one, and a crash before sending leaves
/// it pending. Its id is the webhook-id, the same on every attempt. It holds no secret: that is looked up when sending.
/// </summary>
public sealed record Delivery
{
    public Guid Id { get; init; }
    public string Street { get; init; } = "";
    public Guid NotificationId { get; init; }
    public Channel Channel { get; init; }
    public NoticeType Type { get; init; }
    public AudienceKind Audience { get; init; }
    public string? Org { get; init; }
    public string Target { get; init; } = "";
    public Guid IssueId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string Payload { get; init; } = "";
    public DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>After a failed attempt: the next one after the delay in force, or dead-lettered when none is left.</summary>
    public Delivery Failed(string error, DateTimeOffset now, IReadOnlyList<TimeSpan> delays) =>
        Attempts + 1 > delays.Count
            ? this with { Attempts = Attempts + 1, LastError = error, Status = DeliveryStatus.DeadLettered }
            : this with { Attempts = Attempts + 1, LastError = error, NextAttemptAt = now + delays[Attempts] };

    public Delivery Succeeded(DateTimeOffset now) =>
        this with { Attempts = Attempts + 1, Status = DeliveryStatus.Delivered, DeliveredAt = now };

    /// <summary>A host sends it again: one more attempt, now.</summary>
    public Delivery Retried(DateTimeOffset now) => this with { Status = DeliveryStatus.Pending, NextAttemptAt = now };
}

/// <summary>An in-app notification: one per notice to an inbox (an organisation's, or the street's hosts').</summary>
public sealed record InAppNotification
{
    public Guid Id { get; init; }
    public string Inbox { get; init; } = "";
    public NoticeType Type { get; init; }
    public Guid IssueId { get; init; }
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string Link { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}

/// <summary>A pending 75 % warning of one deadline of one assignment; sent at most once.</summary>
public sealed record DeadlineWarning
{
    public Guid Id { get; init; }
    public string Street { get; init; } = "";
    public Guid IssueId { get; init; }
    public int Assignment { get; init; }
    public Domain.Issues.DeadlineKind Kind { get; init; }
    public DateTimeOffset Start { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset WarnAt { get; init; }
    public bool Done { get; init; }
}

public static class Ids
{
    /// <summary>A stable id from its parts: replaying the same event gives the same ids, never a second delivery.</summary>
    public static Guid From(params object?[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
