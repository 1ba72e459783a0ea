using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using StandardWebhooks;

namespace IssueTracker.Host.Notifications;

/// <summary>Sends one attempt of a delivery on its channel; a failure throws, with a message that names no URL or secret.</summary>
public sealed class ChannelSenders(NotificationOptions options, IDocumentStore store, IHttpClientFactory http, TimeProvider clock)
{
    public const string HttpClientName = "notifications";

    public Task SendAsync(Delivery delivery, CancellationToken ct) => delivery.Channel switch
    {
        Channel.Email => MailAsync(delivery, ct),
        Channel.Webhook => WebhookAsync(delivery, ct),
        Channel.Wecom => WecomAsync(delivery, ct),
        _ => throw new InvalidOperationException($"Unknown channel {delivery.Channel}.")
    };

    private async Task MailAsync(Delivery delivery, CancellationToken ct)
    {
        var smtp = options.Smtp;
        if (!smtp.Enabled) throw new InvalidOperationException("Mail is off (Notifications:Smtp:Host is not set).");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(delivery.Target));
        message.Subject = delivery.Subject;
        message.MessageId = $"{delivery.Id}@issuetracker";
        message.Body = new TextPart("plain") { Text = delivery.Body };

        using var client = new SmtpClient { Timeout = 15_000 };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    private async Task WebhookAsync(Delivery delivery, CancellationToken ct)
    {
        string? secret;
        await using (var street = store.QuerySession(delivery.Street))
            secret = (await Recipients.ChannelsOfAsync(street, delivery.Org, ct))?.WebhookSecret;
        if (string.IsNullOrEmpty(secret)) throw new InvalidOperationException("The organisation's directory entry has no webhook secret.");
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json")
        };
        request.Headers.Add("webhook-id", delivery.Id.ToString());
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(delivery.Id.ToString(), timestamp, delivery.Payload));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The receiver answered {(int)response.StatusCode}.");
    }

    private async Task WecomAsync(Delivery delivery, CancellationToken ct)
    {
        using var content = new StringContent(delivery.Payload, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await http.CreateClient(HttpClientName).PostAsync(delivery.Target, content, ct);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The robot answered {(int)response.StatusCode}.");
        // The robot answers 200 with { errcode, errmsg }; anything but errcode 0 is a failure.
        var body = await response.Content.ReadAsStringAsync(ct);
        if (body.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var c) && c != 0)
                throw new HttpRequestException($"The robot refused the message: errcode {c}.");
        }
    }
}
