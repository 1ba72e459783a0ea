using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

public sealed record RecordDecision(
    Guid IssueId, string? Decision, DecisionOutcome? Outcome, string? Assignee, DateTimeOffset? DueBy, string? Reason,
    string? ReferredTo, Guid? DuplicateOf);

public sealed partial record Meeting
{
    /// <param name="issue">The issue the decision is about, as found in the meeting's street.</param>
    /// <param name="originalExists">For a duplicate: whether the issue named by duplicateOf exists in the same street.</param>
    public JointDecision RecordDecision(RecordDecision command, Issue issue, bool originalExists, Actor by, DateTimeOffset now)
    {
        if (IsConcluded) return AlreadyConcluded("decide");
        if (!Agenda.Contains(command.IssueId))
            return new InvalidTransition("decide", "scheduled", "The issue is not on this meeting's agenda.");
        if (Decided.Contains(command.IssueId))
            return new InvalidTransition("decide", "scheduled", "This agenda item already has a decision.");

        var validation = Validate(command, originalExists, now);
        if (!validation.IsValid) return validation.ToRejection();

        var outcome = command.Outcome!.Value;
        var decided = new DecisionRecorded(
            command.IssueId, command.Decision!.Trim(), outcome,
            outcome == DecisionOutcome.Assign ? command.Assignee!.Trim() : null,
            outcome == DecisionOutcome.Assign ? command.DueBy : null,
            outcome is DecisionOutcome.NoAction or DecisionOutcome.Refer && !string.IsNullOrWhiteSpace(command.Reason) ? command.Reason : null,
            outcome == DecisionOutcome.Refer ? command.ReferredTo!.Trim() : null,
            outcome == DecisionOutcome.Duplicate ? command.DuplicateOf : null,
            by, now);
        return JointDecision.Accept(decided, issue.SettleAtMeeting(new SettleAtMeeting(Id, decided), by, now));
    }

    private static Validation Validate(RecordDecision command, bool originalExists, DateTimeOffset now)
    {
        var validation = new Validation()
            .Required("decision", command.Decision, Limits.Text)
            .Check(command.Outcome is { } o && Enum.IsDefined(o), "outcome", "'outcome' is required: assign, noAction, refer or duplicate.");
        return command.Outcome switch
        {
            DecisionOutcome.Assign => validation
                .Required("assignee", command.Assignee, Limits.OrgId)
                .Check(command.DueBy is not null, "dueBy", "'dueBy' is required when the meeting assigns the issue.")
                .DueBy("dueBy", command.DueBy, now),
            DecisionOutcome.NoAction => validation.Required("reason", command.Reason, Limits.Text),
            DecisionOutcome.Refer => validation
                .Required("referredTo", command.ReferredTo, Limits.Name)
                .Optional("reason", command.Reason, Limits.Text),
            DecisionOutcome.Duplicate => validation
                .Check(command.DuplicateOf is not null, "duplicateOf", "'duplicateOf' is required: the id of the issue this one duplicates.")
                .Check(command.DuplicateOf is null || originalExists, "duplicateOf", "'duplicateOf' names no issue in this street.")
                .Check(command.DuplicateOf != command.IssueId, "duplicateOf", "An issue cannot duplicate itself."),
            _ => validation
        };
    }
}
