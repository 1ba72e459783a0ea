using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record AddComment([property: Required] string? Text);

public sealed partial record Issue
{
    /// <summary>Those taking part may remark on an open issue: reporters, hosts and admins, and the organisation it is assigned to.</summary>
    public Decision AddComment(AddComment command, Actor by, DateTimeOffset now)
    {
        if (Status.IsTerminal()) return Forbid("comment");
        if (by.IsAny(Roles.Assignee) && !IsAssignedTo(by)) return NotYourAssignment();
        if (!by.IsAny(Roles.Reporter, Roles.Host, Roles.Admin, Roles.Assignee))
            return new Forbidden("Only those taking part in the issue may comment.");
        return new Validation()
            .Required("text", command.Text, Limits.Text)
            .Then(() => Decision.Accept(new CommentAdded(command.Text!.Trim(), by, now)));
    }
}
