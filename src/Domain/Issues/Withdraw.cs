using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record WithdrawIssue(string? Reason);

public sealed partial record Issue
{
    public Decision Withdraw(WithdrawIssue command, Actor by, DateTimeOffset now)
    {
        if (!by.IsAny(Roles.Host, Roles.Admin) && by.Id != RaisedBy)
            return new Forbidden("Only a host or the reporter who raised the issue may withdraw it.");
        if (Status.IsTerminal()) return Forbid("withdraw");
        return new Validation()
            .Optional("reason", command.Reason, Limits.Text)
            .Then(() => Decision.Accept(new IssueWithdrawn(command.Reason, by, now)));
    }
}
