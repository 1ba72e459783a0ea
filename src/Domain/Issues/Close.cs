using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record CloseIssue(string? Reason);

public sealed partial record Issue
{
    public Decision Close(CloseIssue command, Actor by, DateTimeOffset now)
    {
        if (Status.IsTerminal()) return Forbid("close");
        var validation = Status == IssueStatus.Confirmed
            ? new Validation().Optional("reason", command.Reason, Limits.Text)
            : new Validation().Required("reason", command.Reason, Limits.Text);
        return validation.Then(() => Decision.Accept(new IssueClosed(CloseOutcome.Closed, command.Reason, null, by, now)));
    }
}
