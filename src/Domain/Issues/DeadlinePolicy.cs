using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>
/// How long an assignee has to acknowledge and to resolve, per category and urgency, and when supervision (督办)
/// steps in. Bound from the "Deadlines" configuration section; the defaults are the README's.
/// </summary>
public sealed class DeadlinePolicy
{
    public DeadlineLimit Acknowledge { get; init; } = TimeSpan.FromHours(24);
    public DeadlineLimit AcknowledgeUrgent { get; init; } = TimeSpan.FromHours(4);
    public DeadlineLimit Resolve { get; init; } = TimeSpan.FromDays(7);
    public DeadlineLimit ResolveUrgent { get; init; } = TimeSpan.FromDays(2);

    /// <summary>A resolution this far past its due date is escalated even when it is the first miss.</summary>
    public TimeSpan EscalationGrace { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The reopen that escalates an issue (residents unsatisfied this many times).</summary>
    public int ReopenEscalationThreshold { get; init; } = 2;

    public Dictionary<IssueCategory, CategoryDeadlines> Categories { get; init; } = new()
    {
        [IssueCategory.Repairs] = new() { Resolve = TimeSpan.FromDays(3) },
        [IssueCategory.Safety] = new() { Acknowledge = TimeSpan.FromHours(4), Resolve = TimeSpan.FromDays(2) }
    };

    /// <summary>Counts working-day terms; from the "Calendar" section, not this one.</summary>
    public WorkingCalendar Calendar { get; set; } = new();

    public StreetTimeZones TimeZones { get; set; } = StreetTimeZones.China;

    public DeadlineTerms TermsFor(IssueCategory category, Urgency urgency)
    {
        var own = Categories.GetValueOrDefault(category) ?? new CategoryDeadlines();
        return urgency == Urgency.Urgent
            ? new(own.AcknowledgeUrgent ?? Shorter(own.Acknowledge, AcknowledgeUrgent), own.ResolveUrgent ?? Shorter(own.Resolve, ResolveUrgent))
            : new(own.Acknowledge ?? Acknowledge, own.Resolve ?? Resolve);
    }

    private static DeadlineLimit Shorter(DeadlineLimit? a, DeadlineLimit b) => a is { } x && x.AtLeast < b.AtLeast ? x : b;
}

/// <summary>A category's own limits; what it leaves out falls back to the policy's.</summary>
public sealed class CategoryDeadlines
{
    public DeadlineLimit? Acknowledge { get; init; }
    public DeadlineLimit? AcknowledgeUrgent { get; init; }
    public DeadlineLimit? Resolve { get; init; }
    public DeadlineLimit? ResolveUrgent { get; init; }
}

public sealed record DeadlineTerms(DeadlineLimit Acknowledge, DeadlineLimit Resolve);
