using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record ResolveIssue([property: Required] string? Resolution);

public sealed partial record Issue
{
    public Decision Resolve(ResolveIssue command, Actor by, DateTimeOffset now)
    {
        if (!IsAssignedTo(by)) return NotYourAssignment();
        if (!IsIn(IssueStatus.Acknowledged, IssueStatus.InProgress)) return Forbid("resolve");
        return new Validation()
            .Required("resolution", command.Resolution, Limits.Text)
            .Then(() => Decision.Accept(new IssueResolved(command.Resolution!, by, now)));
    }
}
