using IssueTracker.Domain.Issues;
using Wolverine;

namespace IssueTracker.Host.Deadlines;

public static class DeadlineSetup
{
    public const string Section = "Deadlines";

    /// <summary>The deadline policy from configuration, and a durable local queue so that timers survive restarts.</summary>
    public static void AddIssueTrackerDeadlines(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(PolicyFrom(builder.Configuration));
        builder.Services.ConfigureWolverine(options =>
            options.PublishMessage<DeadlineDue>().ToLocalQueue("deadlines").UseDurableInbox());
    }

    public static DeadlinePolicy PolicyFrom(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DeadlinePolicy>() ?? new DeadlinePolicy();
}
