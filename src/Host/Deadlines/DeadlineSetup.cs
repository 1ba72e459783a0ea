using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Wolverine;

namespace IssueTracker.Host.Deadlines;

public static class DeadlineSetup
{
    public const string Section = "Deadlines";

    /// <summary>The deadline policy from configuration, and a durable local queue so that timers survive restarts.</summary>
    public static void AddIssueTrackerDeadlines(this WebApplicationBuilder builder)
    {
        var policy = PolicyFrom(builder.Configuration);
        builder.Services.AddSingleton(policy);
        builder.Services.AddSingleton(policy.TimeZones);
        builder.Services.ConfigureWolverine(options =>
            options.PublishMessage<DeadlineDue>().ToLocalQueue("deadlines").UseDurableInbox());
    }

    public static DeadlinePolicy PolicyFrom(IConfiguration configuration)
    {
        var policy = configuration.GetSection(Section).Get<DeadlinePolicy>() ?? new DeadlinePolicy();
        policy.Calendar = configuration.GetSection("Calendar").Get<WorkingCalendar>() ?? new WorkingCalendar();
        policy.TimeZones = TimeZonesFrom(configuration);
        return policy;
    }

    /// <summary><c>Streets:&lt;street&gt;:TimeZone</c>, else <c>Street:TimeZone</c>, else Asia/Shanghai.</summary>
    public static StreetTimeZones TimeZonesFrom(IConfiguration configuration) => new(
        configuration["Street:TimeZone"] is { Length: > 0 } zone ? zone : StreetTimeZones.Fallback,
        configuration.GetSection("Streets").GetChildren()
            .Where(x => x["TimeZone"] is { Length: > 0 }).ToDictionary(x => x.Key, x => x["TimeZone"]!));
}
