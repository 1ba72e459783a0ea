namespace IssueTracker.Domain.Issues;

/// <summary>
/// How long an assignee has to acknowledge and to resolve, per category and urgency, and when supervision (督办)
/// steps in. Bound from the "Deadlines" configuration section; the defaults are the README's.
/// </summary>
public sealed class DeadlinePolicy
{
    public TimeSpan Acknowledge { get; init; } = TimeSpan.FromHours(24);
    public TimeSpan AcknowledgeUrgent { get; init; } = TimeSpan.FromHours(4);
    public TimeSpan Resolve { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan ResolveUrgent { get; init; } = TimeSpan.FromDays(2);

    /// <summary>A resolution this far past its due date is escalated even when it is the first miss.</summary>
    public TimeSpan EscalationGrace { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The reopen that escalates an issue (residents unsatisfied this many times).</summary>
    public int ReopenEscalationThreshold { get; init; } = 2;

    public Dictionary<IssueCategory, CategoryDeadlines> Categories { get; init; } = new()
    {
        [IssueCategory.Repairs] = new() { Resolve = TimeSpan.FromDays(3) },
        [IssueCategory.Safety] = new() { Acknowledge = TimeSpan.FromHours(4), Resolve = TimeSpan.FromDays(2) }
    };

    public DeadlineTerms TermsFor(IssueCategory category, Urgency urgency)
    {
        var own = Categories.GetValueOrDefault(category) ?? new CategoryDeadlines();
        return urgency == Urgency.Urgent
            ? new(own.AcknowledgeUrgent ?? Shorter(own.Acknowledge, AcknowledgeUrgent), own.ResolveUrgent ?? Shorter(own.Resolve, ResolveUrgent))
            : new(own.Acknowledge ?? Acknowledge, own.Resolve ?? Resolve);
    }

    private static TimeSpan Shorter(TimeSpan? a, TimeSpan b) => a is { } x && x < b ? x : b;
}

/// <summary>A category's own limits; what it leaves out falls back to the policy's.</summary>
public sealed class CategoryDeadlines
{
    public TimeSpan? Acknowledge { get; init; }
    public TimeSpan? AcknowledgeUrgent { get; init; }
    public TimeSpan? Resolve { get; init; }
    public TimeSpan? ResolveUrgent { get; init; }
}

public sealed record DeadlineTerms(TimeSpan Acknowledge, TimeSpan Resolve);
