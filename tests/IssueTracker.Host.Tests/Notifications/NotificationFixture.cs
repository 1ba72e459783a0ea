using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace IssueTracker.Host.Tests.Notifications;

/// <summary>
/// A host whose notifications reach real peers started here: an SMTP server and an HTTP receiver on 127.0.0.1. Each
/// scenario has a street of its own whose directory lists 红色物业 with one channel in its <c>notify</c>; retries are
/// 200 ms apart.
/// </summary>
public sealed class NotificationFixture : AppFixture
{
    public const string PublicBaseUrl = "https://gongzuotai.example";
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string HostsAddress = "zhuren@mingguanglu.test";
    public const string OrgAddress = "hongse@wuye.test";

    public MailSink Mail { get; } = new();
    public LogSink Logs { get; } = new();
    public Receiver Receiver { get; } = new();
    public string MailStreet { get; } = Id("mail");
    public string QuietStreet { get; } = Id("quiet");
    public string WebhookStreet { get; } = Id("hook");
    public string FlakyStreet { get; } = Id("flaky");
    public string DownStreet { get; } = Id("down");
    public string WecomStreet { get; } = Id("wecom");

    private static string Id(string scenario) => $"street-{scenario}-{Guid.NewGuid().ToString("N")[..8]}";

    public Street In(string street) => new(this, street);

    public override async Task InitializeAsync()
    {
        Mail.Start();
        await Receiver.StartAsync();
        await base.InitializeAsync();
        var channels = new Dictionary<string, object>
        {
            [MailStreet] = new { email = OrgAddress }, [QuietStreet] = new { email = OrgAddress },
            [WecomStreet] = new { wecomRobotUrl = Receiver.Url("wecom", WecomStreet) }
        };
        foreach (var (street, kind) in new[] { (WebhookStreet, "ok"), (FlakyStreet, "flaky"), (DownStreet, "down") })
            channels[street] = new { webhookUrl = Receiver.Url(kind, street), webhookSecret = Secret };
        foreach (var (street, notify) in channels)
            (await In(street).Admin.Post("/api/organisations", new { id = Street.PropertyCompany, name = "红色物业", kind = "propertyCompany", notify }))
                .ShouldHaveStatus(System.Net.HttpStatusCode.Created);
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        void Set(string key, string value) => builder.UseSetting("Notifications:" + key, value);
        Set("Smtp:Host", "127.0.0.1");
        Set("Smtp:Port", Mail.Port.ToString());
        Set("Smtp:From", "通知 <notify@issuetracker.test>");
        Set("Smtp:Security", "None");
        Set("PublicBaseUrl", PublicBaseUrl);
        Set("PollInterval", "00:00:00.100");
        for (var i = 0; i < 5; i++) Set($"Retry:Delays:{i}", "00:00:00.200");
        Set($"Streets:{MailStreet}:Hosts:0", HostsAddress);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationFixture>
{
    public const string Name = "notifications";
}
