namespace IssueTracker.Host.Notifications;

public static class NotificationSetup
{
    /// <summary>
    /// Notifications (issue 17): a Marten subscription decides them from committed events, a background sender delivers
    /// them by mail, Standard Webhooks and WeCom robots with retries, and the inbox endpoints serve the in-app ones.
    /// </summary>
    public static void AddIssueTrackerNotifications(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<Recipients>();
        builder.Services.AddSingleton<ChannelSenders>();
        // No request logging: webhook and robot URLs carry keys and are never logged.
        builder.Services.AddHttpClient(ChannelSenders.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        builder.Services.AddHostedService<DeliverySender>();

        builder.Services.ConfigureMarten((services, store) =>
        {
            // From the present on the first deploy, then from its own progress: SubscribeFromPresent would jump to the
            // present on every start, skipping what was committed while the host was down or killed.
            store.Events.Subscribe(
                new NotificationSubscription(services.GetRequiredService<Recipients>(), services.GetRequiredService<TimeProvider>()),
                subscription => subscription.Options.SubscribeAsInlineToAsync());
            store.Schema.For<Delivery>().Index(d => d.NextAttemptAt);
            store.Schema.For<InAppNotification>().Index(n => n.OccurredAt);
            store.Schema.For<DeadlineWarning>().Index(w => w.WarnAt);
        });
    }
}
