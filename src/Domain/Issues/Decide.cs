using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>A command's decision after supervision, with the deadline checks its assignments set.</summary>
public sealed record Supervised(Decision Decision, IReadOnlyList<CheckDeadline> Deadlines);

public sealed partial record Issue
{
    /// <summary>
    /// The way a decision on an existing issue leaves the Domain: supervised (<see cref="Supervise"/>), with the timers
    /// each new assignment needs. Endpoints can only answer with a <see cref="Supervised"/>, so none can skip it.
    /// </summary>
    public Supervised Decide(Decision decision, DeadlinePolicy policy, DateTimeOffset now)
    {
        var supervised = Supervise(decision, policy, now);
        return new(supervised, DeadlinesSetBy(supervised, policy));
    }

    /// <summary>The deadline checks for each assignment the decision makes and each due date it moves, numbered as <see cref="Evolve"/> numbers them.</summary>
    public IReadOnlyList<CheckDeadline> DeadlinesSetBy(Decision decision, DeadlinePolicy policy)
    {
        var checks = new List<CheckDeadline>();
        var state = this;
        foreach (var e in decision.Events)
        {
            state = Evolve(state, e);
            if (e is IssueAssigned) checks.AddRange(state.Deadlines.Checks(policy));
            if (e is ExtensionApproved) checks.AddRange(state.Deadlines.ResolutionChecks(policy));
        }
        return checks;
    }
}
