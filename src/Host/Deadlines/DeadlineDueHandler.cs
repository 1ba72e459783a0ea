using IssueTracker.Domain.Issues;
using JasperFx;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Runtime.Handlers;

namespace IssueTracker.Host.Deadlines;

/// <summary>
/// Fires a deadline: the rule (<see cref="Issue.CheckDeadline"/>) decides, the events are appended by the system in the
/// issue's street (Wolverine opens the session for the envelope's tenant).
/// </summary>
public static class DeadlineDueHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<ConcurrencyException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    [AggregateHandler]
    public static (Events, OutgoingMessages) Handle(DeadlineDue deadline, Issue issue, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        // Delivered before its time (clock skew between nodes): wait again rather than lose the deadline.
        if (now < deadline.DueAt) return ([], [deadline.ScheduledAt(deadline.DueAt)]);

        var events = new Events();
        events.AddRange(issue.CheckDeadline(deadline.ToCheck(), now).Events);
        return (events, []);
    }
}
