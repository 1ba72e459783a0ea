using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record AcknowledgeAssignment(string? Note);

public sealed partial record Issue
{
    public Decision Acknowledge(AcknowledgeAssignment command, Actor by, DateTimeOffset now)
    {
        if (!IsAssignedTo(by)) return NotYourAssignment();
        if (!IsIn(IssueStatus.Assigned, IssueStatus.Reopened)) return Forbid("acknowledge");
        return new Validation()
            .Optional("note", command.Note, Limits.Text)
            .Then(() => Decision.Accept(new AssignmentAcknowledged(Assignee!, command.Note, by, now)));
    }
}
