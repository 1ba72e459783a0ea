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

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        foreach (var e in page.Events)
        {
            if (!Relevant(e.Data)) continue;
            var street = e.TenantId;
            var tenant = operations.ForTenant(street);
            var details = await tenant.LoadAsync<IssueDetails>(e.StreamId, cancellationToken);
            if (details is null) continue;
            var facts = new IssueFacts(details.Id, details.Title, details.Location.Community, details.Assignee,
                IssueFacts.EmailIn(details.Reporter?.Contact));

            foreach (var notice in Notices.For(e.Data, facts, e.Timestamp))
                Store(tenant, await _recipients.RecordsAsync(tenant, notice, e.Id.ToString(), now, cancellationToken));

            if (e.Data is IssueAssigned assigned
                && await tenant.Events.AggregateStreamAsync<Issue>(e.StreamId, e.Version, token: cancellationToken) is { } then)
                tenant.Store([.. WarningsFor(street, e.StreamId, assigned, then.Deadlines.Assignment)]);
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
