using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record AssignIssue([property: Required] string? Assignee, DateTimeOffset? DueBy, string? Note);

public sealed partial record Issue
{
    private static readonly IssueStatus[] Assignable =
    [
        IssueStatus.Raised, IssueStatus.OnAgenda, IssueStatus.Discussed, IssueStatus.Declined, IssueStatus.Reopened,
        IssueStatus.Assigned, IssueStatus.Acknowledged, IssueStatus.InProgress
    ];

    public Decision Assign(AssignIssue command, Actor by, DateTimeOffset now)
    {
        if (!IsIn(Assignable)) return Forbid("assign");
        return new Validation()
            .Required("assignee", command.Assignee, Limits.OrgId)
            .DueBy("dueBy", command.DueBy, now)
            .Optional("note", command.Note, Limits.Text)
            .Then(() => Decision.Accept(new IssueAssigned(command.Assignee!.Trim(), command.DueBy, command.Note, by, now)));
    }
}
