using System.Text.Json.Serialization;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Wolverine;

namespace IssueTracker.Host.Deadlines;

/// <summary>
/// A durable timer: scheduled in the transaction that assigns, delivered in the issue's street (the envelope's tenant),
/// and stale — a no-op — once its assignment has been acknowledged, resolved or replaced, or its due date extended.
/// </summary>
public sealed record DeadlineDue(
    Guid IssueId, int Assignment, [property: JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))] DeadlineKind Kind,
    DateTimeOffset DueAt, DateTimeOffset? ResolveBy = null)
{
    public CheckDeadline ToCheck() => new(Kind, Assignment, DueAt, ResolveBy);
}

public static class DeadlineTimers
{
    /// <summary>A durable timer for each deadline check the Domain set (<see cref="Issue.Decide"/>).</summary>
    public static OutgoingMessages For(Issue issue, Supervised decided)
    {
        var timers = new OutgoingMessages();
        if (!decided.Decision.IsAccepted) return timers;
        foreach (var check in decided.Deadlines)
            timers.Schedule(new DeadlineDue(issue.Id, check.Assignment, check.Kind, check.DueAt, check.ResolveBy), check.DueAt);
        return timers;
    }
}
