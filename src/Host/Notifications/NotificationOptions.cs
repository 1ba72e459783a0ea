namespace IssueTracker.Host.Notifications;

/// <summary>The <c>Notifications</c> section of the configuration (README, Notifications).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public SmtpOptions Smtp { get; set; } = new();
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    public string Language { get; set; } = "zh-CN";
    public RetryOptions Retry { get; set; } = new();

    /// <summary>How often the sender looks for deliveries and deadline warnings that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public Dictionary<string, StreetRecipients> Streets { get; set; } = new(StringComparer.Ordinal);

    public bool English => Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public string LinkTo(Guid issueId) => $"{PublicBaseUrl.TrimEnd('/')}/issues/{issueId}";
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

public enum SmtpSecurity { None, StartTls, Tls }

public sealed class RetryOptions
{
    private static readonly TimeSpan[] Defaults =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    public List<TimeSpan> Delays { get; set; } = [];

    /// <summary>The wait before each retry; a delivery is dead-lettered once all of them are spent.</summary>
    public IReadOnlyList<TimeSpan> InForce => Delays.Count > 0 ? Delays : Defaults;
}

/// <summary>Addresses from configuration: the street's hosts and its leadership (organisations' channels are in the directory).</summary>
public sealed class StreetRecipients
{
    public List<string> Hosts { get; set; } = [];
    public LeadershipRecipients Leadership { get; set; } = new();
}

public sealed class LeadershipRecipients
{
    public List<string> StreetLeadership { get; set; } = [];
    public List<string> DistrictLeadership { get; set; } = [];
}
