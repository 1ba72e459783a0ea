using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record ReopenIssue([property: Required] string? Reason);

public sealed partial record Issue
{
    public Decision Reopen(ReopenIssue command, Actor by, DateTimeOffset now)
    {
        if (!IsIn(IssueStatus.Resolved, IssueStatus.Confirmed)) return Forbid("reopen");
        return new Validation()
            .Required("reason", command.Reason, Limits.Text)
            .Then(() => Decision.Accept(new IssueReopened(command.Reason!, ReopenCount + 1, by, now)));
    }
}
