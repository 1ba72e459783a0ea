using IssueTracker.Domain.Issues;
using IssueTracker.Projections.IssueDetails;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Services;
using Marten.Subscriptions;

namespace IssueTracker.Host.Notifications;

/// <summary>
/// Decides notifications from committed events only: the async daemon reads nothing a rolled-back or rejected command
/// wrote. What it stores (in-app notifications, deliveries, deadline warnings) commits with its own progress, so each
/// event is decided once, even across a crash.
/// </summary>
public sealed class NotificationSubscription : SubscriptionBase
{
    private readonly Recipients _recipients;
    private readonly TimeProvider _clock;

    public NotificationSubscription(Recipients recipients, TimeProvider clock)
    {
        _recipients = recipients;
        _clock = clock;
        Name = "Notifications";
    }

    /// <summary>
    /// A street's relevant events of the page at a time, with what they need read in two round trips instead of one or
    /// more per event: a district's catch-up after a long outage spent its time in those.
    /// </summary>
    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        foreach (var street in page.Events.Where(e => Relevant(e.Data)).GroupBy(e => e.TenantId))
        {
            var tenant = operations.ForTenant(street.Key);
            var batch = tenant.CreateBatchQuery();
            var loading = batch.LoadMany<IssueDetails>().ById(street.Select(e => e.StreamId).Distinct().ToArray());
            // An assignment's number is the issue's as of that event.
            var histories = street.Where(e => e.Data is IssueAssigned).ToDictionary(e => e.Id, e => batch.Events.FetchStream(e.StreamId, e.Version));
            await batch.Execute(cancellationToken);
            var issues = (await loading).ToDictionary(x => x.Id);

            var notices = new List<(IEvent Cause, Notice Notice)>();
            foreach (var e in street)
            {
                if (!issues.TryGetValue(e.StreamId, out var details)) continue;
                var facts = new IssueFacts(details.Id, details.Title, details.Location.Community, details.Assignee,
                    IssueFacts.EmailIn(details.Reporter?.Contact));
                notices.AddRange(Notices.For(e.Data, facts, e.Timestamp).Select(notice => (e, notice)));

                if (e.Data is IssueAssigned assigned && Issue.Replay(e.StreamId, (await histories[e.Id]).Select(x => x.Data)) is { } then)
                    tenant.Store([.. WarningsFor(street.Key, e.StreamId, assigned, then.Deadlines.Assignment)]);
            }

            var channels = await Recipients.ChannelsOfAsync(tenant,
                notices.Where(x => x.Notice.To.Kind == AudienceKind.Organisation).Select(x => x.Notice.To.Id!), cancellationToken);
            foreach (var (cause, notice) in notices)
                Store(tenant, _recipients.Records(notice, street.Key, cause.Id.ToString(), now,
                    notice.To.Kind == AudienceKind.Organisation ? channels.GetValueOrDefault(notice.To.Id!) : null));
        }
        return NullChangeListener.Instance;
    }

    public static void Store(IDocumentOperations tenant, (InAppNotification? InApp, IReadOnlyList<Delivery> Deliveries) records)
    {
        if (records.InApp is { } inApp) tenant.Store(inApp);
        if (records.Deliveries.Count > 0) tenant.Store([.. records.Deliveries]);
    }

    private static bool Relevant(object data) => data is IssueAssigned or AcknowledgementOverdue or ResolutionOverdue
        or IssueEscalated or AssignmentDeclined or IssueResolved or IssuePlacedOnAgenda;

    /// <summary>The 75 % warnings of an assignment's deadlines, numbered as <see cref="Issue.Deadlines"/> numbers assignments.</summary>
    private static IEnumerable<DeadlineWarning> WarningsFor(string street, Guid issueId, IssueAssigned assigned, int assignment)
    {
        if (assigned.AcknowledgeBy is { } acknowledgeBy)
            yield return Warning(street, issueId, assignment, DeadlineKind.Acknowledgement, assigned.At, acknowledgeBy);
        if (assigned.DueBy is { } dueBy)
            yield return Warning(street, issueId, assignment, DeadlineKind.Resolution, assigned.At, dueBy);
    }

    private static DeadlineWarning Warning(string street, Guid issueId, int assignment, DeadlineKind kind, DateTimeOffset start, DateTimeOffset dueAt) =>
        new()
        {
            Id = Ids.From(issueId, assignment, kind), Street = street, IssueId = issueId, Assignment = assignment, Kind = kind, Start = start, DueAt = dueAt,
            WarnAt = Notices.WarnAt(start, dueAt)
        };
}

internal sealed class NullChangeListener : IChangeListener
{
    public static readonly NullChangeListener Instance = new();
    public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
}
