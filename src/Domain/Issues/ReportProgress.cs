using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record ReportProgress([property: Required] string? Note);

public sealed partial record Issue
{
    public Decision ReportProgress(ReportProgress command, Actor by, DateTimeOffset now)
    {
        if (!IsAssignedTo(by)) return NotYourAssignment();
        if (!IsIn(IssueStatus.Acknowledged, IssueStatus.InProgress)) return Forbid("progress");
        return new Validation()
            .Required("note", command.Note, Limits.Text)
            .Then(() => Decision.Accept(new ProgressReported(command.Note!, by, now)));
    }
}
