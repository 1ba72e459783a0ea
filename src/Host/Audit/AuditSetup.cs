namespace IssueTracker.Host.Audit;

public static class AuditSetup
{
    /// <summary>Every session stamps its events with their author and their link in the stream's hash chain.</summary>
    public static void AddIssueTrackerAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChainHeads>();
        builder.Services.ConfigureMarten((services, options) =>
            options.Listeners.Add(new AuditTrail(services.GetRequiredService<ChainHeads>())));
    }
}
