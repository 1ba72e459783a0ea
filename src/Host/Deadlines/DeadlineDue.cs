using System.Text.Json.Serialization;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Wolverine;

namespace IssueTracker.Host.Deadlines;

/// <summary>
/// A durable timer: scheduled in the transaction that assigns, delivered in the issue's street (the envelope's tenant),
/// and stale — a no-op — once its assignment has been acknowledged, resolved or replaced.
/// </summary>
public sealed record DeadlineDue(
    Guid IssueId, int Assignment, [property: JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))] DeadlineKind Kind,
    DateTimeOffset DueAt)
{
    public CheckDeadline ToCheck() => new(Kind, Assignment, DueAt);
}

public static class DeadlineTimers
{
    /// <summary>The timers for each assignment the decision makes, numbered as the issue will number them.</summary>
    public static OutgoingMessages For(Issue issue, Decision decision, DeadlinePolicy policy)
    {
        var timers = new OutgoingMessages();
        if (!decision.IsAccepted) return timers;
        var assignment = issue.Deadlines.Assignment;
        foreach (var assigned in decision.Events.OfType<IssueAssigned>())
        {
            assignment++;
            if (assigned.AcknowledgeBy is { } acknowledgeBy)
                timers.Schedule(new DeadlineDue(issue.Id, assignment, DeadlineKind.Acknowledgement, acknowledgeBy), acknowledgeBy);
            if (assigned.DueBy is not { } dueBy) continue;
            timers.Schedule(new DeadlineDue(issue.Id, assignment, DeadlineKind.Resolution, dueBy), dueBy);
            var grace = dueBy + policy.EscalationGrace;
            timers.Schedule(new DeadlineDue(issue.Id, assignment, DeadlineKind.EscalationGrace, grace), grace);
        }
        return timers;
    }
}
