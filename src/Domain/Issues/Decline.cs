using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record DeclineAssignment([property: Required] string? Reason);

public sealed partial record Issue
{
    public Decision Decline(DeclineAssignment command, Actor by, DateTimeOffset now)
    {
        if (!IsAssignedTo(by)) return NotYourAssignment();
        if (!IsIn(IssueStatus.Assigned)) return Forbid("decline");
        return new Validation()
            .Required("reason", command.Reason, Limits.Text)
            .Then(() => Decision.Accept(new AssignmentDeclined(Assignee!, command.Reason!, by, now)));
    }
}
