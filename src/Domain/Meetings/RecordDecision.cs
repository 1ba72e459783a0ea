using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

/// <summary>Which further fields an outcome needs is said on each field (and checked in <see cref="Meeting.RecordDecision"/>).</summary>
public sealed record RecordDecision(
    [property: Required] Guid IssueId, [property: Required] string? Decision, [property: Required] DecisionOutcome? Outcome,
    [property: Description("Required when outcome is assign: the organisation's id in the directory.")] string? Assignee,
    [property: Description("Required when outcome is assign: when the work is due (in the future).")] DateTimeOffset? DueBy,
    [property: Description("Required when outcome is noAction; optional for refer.")] string? Reason,
    [property: Description("Required when outcome is refer: the body the issue is referred to.")] string? ReferredTo,
    [property: Description("Required when outcome is duplicate: the issue in this street that this one duplicates.")] Guid? DuplicateOf);

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
            .Check(command.Outcome is { } o && Enum.IsDefined(o), "outcome", ErrorCodes.UnknownValue, "'outcome' is required: assign, noAction, refer or duplicate.", "「outcome」必填：assign、noAction、refer 或 duplicate。");
        return command.Outcome switch
        {
            DecisionOutcome.Assign => validation
                .Required("assignee", command.Assignee, Limits.OrgId)
                .Check(command.DueBy is not null, "dueBy", ErrorCodes.Required, "'dueBy' is required when the meeting assigns the issue.", "议事会交办时「dueBy」必填。")
                .DueBy("dueBy", command.DueBy, now),
            DecisionOutcome.NoAction => validation.Required("reason", command.Reason, Limits.Text),
            DecisionOutcome.Refer => validation
                .Required("referredTo", command.ReferredTo, Limits.Name)
                .Optional("reason", command.Reason, Limits.Text),
            DecisionOutcome.Duplicate => validation
                .Check(command.DuplicateOf is not null, "duplicateOf", ErrorCodes.Required, "'duplicateOf' is required: the id of the issue this one duplicates.", "「duplicateOf」必填：被重复的问题编号。")
                .Check(command.DuplicateOf is null || originalExists, "duplicateOf", ErrorCodes.NotFound, "'duplicateOf' names no issue in this street.", "「duplicateOf」在本街道找不到对应的问题。")
                .Check(command.DuplicateOf != command.IssueId, "duplicateOf", ErrorCodes.Invalid, "An issue cannot duplicate itself.", "问题不能与自身重复。"),
            _ => validation
        };
    }
}
