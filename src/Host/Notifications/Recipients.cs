using System.Text.Json;
using IssueTracker.Domain.Organisations;
using IssueTracker.Projections.OrganisationDirectory;

namespace IssueTracker.Host.Notifications;

/// <summary>Turns a notice into its in-app notification and one delivery per channel of each recipient.</summary>
public sealed class Recipients(NotificationOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An organisation's channels: its entry's <c>notify</c> in the street's directory.</summary>
    public static async Task<Notify?> ChannelsOfAsync(IQuerySession street, string? org, CancellationToken ct) =>
        org is null ? null : (await street.LoadAsync<DirectoryEntry>(OrganisationIds.StreamId(street.TenantId, org), ct))?.Notify;

    /// <summary>The channels of each organisation named, in one query: those not in the directory are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, Notify?>> ChannelsOfAsync(IQuerySession street, IEnumerable<string> orgs, CancellationToken ct)
    {
        var ids = orgs.Distinct().ToDictionary(org => OrganisationIds.StreamId(street.TenantId, org));
        if (ids.Count == 0) return new Dictionary<string, Notify?>();
        var entries = await street.LoadManyAsync<DirectoryEntry>(ct, ids.Keys);
        return entries.ToDictionary(entry => ids[entry.Id], entry => entry.Notify);
    }

    /// <summary>The records a notice gives; <paramref name="source"/> names what caused it, so the same cause gives the same ids.</summary>
    public async Task<(InAppNotification? InApp, IReadOnlyList<Delivery> Deliveries)> RecordsAsync(IQuerySession street, Notice notice,
        string source, DateTimeOffset now, CancellationToken ct)
    {
        var channels = notice.To.Kind == AudienceKind.Organisation ? await ChannelsOfAsync(street, notice.To.Id, ct) : null;
        return Records(notice, street.TenantId, source, now, channels);
    }

    /// <summary>The records a notice gives, with its organisation's channels already read.</summary>
    public (InAppNotification? InApp, IReadOnlyList<Delivery> Deliveries) Records(Notice notice, string street, string source,
        DateTimeOffset now, Notify? organisation)
    {
        var text = NoticeText.For(notice, options);
        var notificationId = Ids.From(source, notice.Type, notice.To.Kind, notice.To.Id);
        var inApp = notice.To.Inbox is { } inbox
            ? new InAppNotification
            {
                Id = notificationId, Inbox = inbox, Type = notice.Type, IssueId = notice.IssueId, Subject = text.Subject,
                Body = text.Body, Link = options.LinkTo(notice.IssueId), OccurredAt = notice.OccurredAt
            }
            : null;

        var deliveries = new List<Delivery>();
        void Add(Channel channel, string? target, string payload)
        {
            if (string.IsNullOrWhiteSpace(target) || (channel == Channel.Email && !options.Smtp.Enabled)) return;
            deliveries.Add(new Delivery
            {
                Id = Ids.From(notificationId, channel, target), Street = street, NotificationId = notificationId, Channel = channel,
                Type = notice.Type, Audience = notice.To.Kind, Org = notice.To.Kind == AudienceKind.Organisation ? notice.To.Id : null,
                Target = target, IssueId = notice.IssueId, OccurredAt = notice.OccurredAt, Subject = text.Subject,
                Body = text.Body, Payload = payload, Status = DeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now
            });
        }

        options.Streets.TryGetValue(street, out var streetRecipients);
        switch (notice.To.Kind)
        {
            case AudienceKind.Organisation when organisation is { } channels:
                Add(Channel.Email, channels.Email, "");
                Add(Channel.Webhook, channels.WebhookUrl, WebhookBody(notice, street));
                Add(Channel.Wecom, channels.WecomRobotUrl, WecomBody(text));
                break;
            case AudienceKind.Hosts:
                foreach (var address in streetRecipients?.Hosts ?? []) Add(Channel.Email, address, "");
                break;
            case AudienceKind.StreetLeadership:
                foreach (var address in streetRecipients?.Leadership.StreetLeadership ?? []) Add(Channel.Email, address, "");
                break;
            case AudienceKind.DistrictLeadership:
                foreach (var address in streetRecipients?.Leadership.DistrictLeadership ?? []) Add(Channel.Email, address, "");
                break;
            case AudienceKind.Reporter:
                Add(Channel.Email, notice.To.Id, "");
                break;
        }
        return (inApp, deliveries);
    }

    /// <summary>The Standard Webhooks body: <c>{ type, street, issueId, occurredAt, data }</c>.</summary>
    public static string WebhookBody(Notice notice, string street) => JsonSerializer.Serialize(new
    {
        type = "issue." + Notices.Wire(notice.Type), street, issueId = notice.IssueId, occurredAt = notice.OccurredAt, data = notice.Data
    }, Json);

    /// <summary>企业微信群机器人: a markdown message.</summary>
    public static string WecomBody(NoticeText text) => JsonSerializer.Serialize(new
    {
        msgtype = "markdown",
        markdown = new { content = $"**{text.Subject}**\n{text.Body.Replace("\n", "\n> ")}" }
    }, Json);
}
