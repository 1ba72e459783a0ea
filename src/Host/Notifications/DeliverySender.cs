using IssueTracker.Domain.Issues;
using IssueTracker.Projections.IssueDetails;
using Npgsql;

namespace IssueTracker.Host.Notifications;

/// <summary>
/// Sends the deliveries that are due and raises the 75 % deadline warnings that are due, on every poll. One host at a
/// time does it (a PostgreSQL advisory lock), so a delivery is attempted by one sender; a crash between a send and its
/// record sends it again, with the same webhook-id.
/// </summary>
public sealed partial class DeliverySender(
    IDocumentStore store, NotificationOptions options, Recipients recipients, ChannelSenders channels, TimeProvider clock,
    IConfiguration configuration, ILogger<DeliverySender> log) : BackgroundService
{
    /// <summary>The advisory lock of the one sender at a time ("Notify").</summary>
    public const long LockKey = 0x4e6f74696679;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Smtp.Enabled) LogMailOff(log);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(log, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(options.PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task PollAsync(CancellationToken ct)
    {
        await using var gate = new NpgsqlConnection(configuration.ConnectionString());
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", gate))
        {
            take.Parameters.AddWithValue("key", LockKey);
            if (!(bool)(await take.ExecuteScalarAsync(ct))!) return;
        }
        await WarnAsync(ct);
        await SendAsync(ct);
        // Closing the connection releases the lock.
    }

    private async Task SendAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Delivery> due;
        await using (var query = store.QuerySession())
            due = await query.Query<Delivery>()
                .Where(d => d.AnyTenant() && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).Take(50).ToListAsync(ct);

        foreach (var delivery in due)
        {
            Delivery after;
            try
            {
                await channels.SendAsync(delivery, ct);
                after = delivery.Succeeded(clock.GetUtcNow());
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                after = delivery.Failed($"{e.GetType().Name}: {e.Message}", clock.GetUtcNow(), options.Retry.InForce);
                LogAttemptFailed(log, delivery.Id, delivery.Channel, after.Attempts, after.Status, e.GetType().Name);
            }
            await using var session = store.LightweightSession(delivery.Street);
            session.Store(after);
            await session.SaveChangesAsync(ct);
        }
    }

    private async Task WarnAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<DeadlineWarning> due;
        await using (var query = store.QuerySession())
            due = await query.Query<DeadlineWarning>()
                .Where(w => w.AnyTenant() && !w.Done && w.WarnAt <= now).OrderBy(w => w.WarnAt).Take(50).ToListAsync(ct);

        foreach (var warning in due)
        {
            await using var session = store.LightweightSession(warning.Street);
            var issue = await session.Events.AggregateStreamAsync<Issue>(warning.IssueId, token: ct);
            var inForce = issue is null ? null : DueInForce(issue, warning);
            if (inForce is { } dueAt && dueAt != warning.DueAt && Notices.WarnAt(warning.Start, dueAt) > now)
            {
                // The due date in force moved (an extension): warn at 75 % of the new limit.
                session.Store(warning with { DueAt = dueAt, WarnAt = Notices.WarnAt(warning.Start, dueAt) });
            }
            else
            {
                if (inForce is { } stillDue && now < stillDue && issue!.Assignee is { } org
                    && await session.LoadAsync<IssueDetails>(warning.IssueId, ct) is { } details)
                {
                    var facts = new IssueFacts(details.Id, details.Title, details.Location.Community, org, null);
                    var notice = Notices.Approaching(facts, org, warning.Kind, stillDue, now);
                    NotificationSubscription.Store(session, await recipients.RecordsAsync(session, notice, "warning:" + warning.Id, now, ct));
                }
                session.Store(warning with { Done = true });
            }
            await session.SaveChangesAsync(ct);
        }
    }

    /// <summary>The deadline the warning is for, as in force now; null once its assignment or its step is over.</summary>
    private static DateTimeOffset? DueInForce(Issue issue, DeadlineWarning warning)
    {
        var deadlines = issue.Deadlines;
        if (deadlines.Assignment != warning.Assignment) return null;
        return warning.Kind switch
        {
            DeadlineKind.Acknowledgement when issue.Status == IssueStatus.Assigned && !deadlines.AcknowledgementMissed => deadlines.AcknowledgeBy,
            DeadlineKind.Resolution when IssueStatuses.AwaitsResolution(issue.Assignee, issue.Status) && !deadlines.ResolutionMissed => deadlines.DueBy,
            _ => null
        };
    }

    [LoggerMessage(LogLevel.Information, "Notifications: mail is off (Notifications:Smtp:Host and :From are not set); webhooks, WeCom and in-app notifications still go out.")]
    private static partial void LogMailOff(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Notifications: a poll failed ({Error}: {Message}); trying again at the next poll.")]
    private static partial void LogPollFailed(ILogger logger, string error, string message);

    [LoggerMessage(LogLevel.Warning, "Notifications: delivery {DeliveryId} by {Channel} failed (attempt {Attempt}, now {Status}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Channel channel, int attempt, DeliveryStatus status, string error);
}
