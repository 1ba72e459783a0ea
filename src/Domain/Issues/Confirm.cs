using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record ConfirmResolution([property: Required] Satisfaction? Satisfaction, string? Comment);

public sealed partial record Issue
{
    /// <summary>Residents' verdict (回访): an unsatisfied one sends the issue back to its assignee.</summary>
    public Decision Confirm(ConfirmResolution command, Actor by, DateTimeOffset now)
    {
        if (!IsIn(IssueStatus.Resolved)) return Forbid("confirm");
        return new Validation()
            .Check(command.Satisfaction is { } s && Enum.IsDefined(s), "satisfaction",
                "'satisfaction' is required: satisfied, basicallySatisfied or unsatisfied.")
            .Optional("comment", command.Comment, Limits.Text)
            .Then(() =>
            {
                var confirmed = new ResolutionConfirmed(command.Satisfaction!.Value, command.Comment, by, now);
                if (command.Satisfaction != Issues.Satisfaction.Unsatisfied) return Decision.Accept(confirmed);
                var reason = string.IsNullOrWhiteSpace(command.Comment) ? "Residents were not satisfied." : command.Comment;
                return Decision.Accept(confirmed, new IssueReopened(reason, ReopenCount + 1, by, now));
            });
    }
}
