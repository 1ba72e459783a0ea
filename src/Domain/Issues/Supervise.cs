using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed partial record Issue
{
    /// <summary>
    /// Applies the deadline policy to what a command decided: each assignment gets its acknowledgement and resolution
    /// deadlines (the category's default when no dueBy was given); an acknowledgement or resolution that comes after its
    /// deadline records the miss first, should its timer not have fired yet; and the reopen that reaches the policy's
    /// threshold escalates the issue (督办).
    /// </summary>
    public Decision Supervise(Decision decision, DeadlinePolicy policy, DateTimeOffset now)
    {
        if (!decision.IsAccepted) return decision;
        var state = this;
        var events = new List<object>();
        foreach (var decided in decision.Events)
        {
            var before = decided switch
            {
                AssignmentAcknowledged when state.IsIn(IssueStatus.Assigned) && !state.Deadlines.AcknowledgementMissed
                    && state.Deadlines.AcknowledgeBy < now => state.Missed(DeadlineKind.Acknowledgement, state.Deadlines.AcknowledgeBy.Value, now),
                IssueResolved when !state.Deadlines.ResolutionMissed && state.Deadlines.DueBy < now =>
                    state.Missed(DeadlineKind.Resolution, state.Deadlines.DueBy.Value, now),
                _ => []
            };
            var e = decided is IssueAssigned assigned ? WithDeadlines(assigned, policy, now) : decided;
            foreach (var next in before.Append(e).ToList())
            {
                state = Evolve(state, next);
                events.Add(next);
            }
            if (e is IssueReopened reopened && reopened.ReopenCount == policy.ReopenEscalationThreshold)
            {
                var escalated = state.Escalate(EscalationReason.RepeatedlyReopened, now);
                state = Evolve(state, escalated);
                events.Add(escalated);
            }
        }
        return Decision.Accept([.. events]);
    }

    private IssueAssigned WithDeadlines(IssueAssigned assigned, DeadlinePolicy policy, DateTimeOffset now)
    {
        var terms = policy.TermsFor(Category, Urgency);
        var zone = policy.TimeZones.For(Street);
        return assigned with
        {
            AcknowledgeBy = terms.Acknowledge.After(now, policy.Calendar, zone),
            DueBy = assigned.DueBy ?? terms.Resolve.After(now, policy.Calendar, zone)
        };
    }
}
