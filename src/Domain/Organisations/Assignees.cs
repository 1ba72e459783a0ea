using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Organisations;

/// <summary>Work goes only to organisations the street's directory lists as active.</summary>
public static class Assignees
{
    /// <param name="isActive">Whether the directory lists the slug as an active organisation of the street.</param>
    public static Decision RequireListed(this Decision decision, Func<string, bool> isActive) =>
        decision.Events.OfType<IssueAssigned>().FirstOrDefault(e => !isActive(e.Assignee)) is { } unlisted
            ? Unlisted(unlisted.Assignee)
            : decision;

    public static JointDecision RequireListed(this JointDecision decision, Func<string, bool> isActive) =>
        decision.Rejection is null && decision.ForIssue.RequireListed(isActive).Rejection is { } unlisted ? unlisted : decision;

    public static InvalidInput Unlisted(string slug) => new Validation()
        .Add("assignee", ErrorCodes.UnknownOrganisation,
            $"'{slug}' is not an active organisation in this street's directory.",
            $"「{slug}」不是本街道名录中在用的责任单位。")
        .ToRejection() with
    { Code = "unknown-organisation" };
}
