using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record RequestExtension(DateTimeOffset? DueBy, string? Reason);

public sealed record ReviewExtension(string? Note);

public enum ExtensionStatus { Pending, Approved, Rejected }

/// <summary>The issue's latest extension request (延期申请), for the assignment it was made in.</summary>
public sealed record ExtensionRequest(int Number, int Assignment, DateTimeOffset DueBy, string Reason, ExtensionStatus Status);

/// <summary>There is no extension request with that number on the issue (HTTP 404).</summary>
public sealed record NoSuchRequest(int Number) : Rejection($"The issue has no extension request number {Number}.");

public sealed partial record Issue
{
    /// <summary>
    /// The assignee asks for a later due date while working on the issue: once per assignment, again only after a
    /// rejection, and never while a request waits for an answer.
    /// </summary>
    public Decision RequestExtension(RequestExtension command, Actor by, DateTimeOffset now)
    {
        if (!IsAssignedTo(by)) return NotYourAssignment();
        if (!IsIn(IssueStatus.Acknowledged, IssueStatus.InProgress)) return Forbid("request-extension");
        if (Extension is { } last && last.Assignment == Deadlines.Assignment && last.Status != ExtensionStatus.Rejected)
            return new InvalidTransition("request-extension", Status.ToWire(), last.Status == ExtensionStatus.Pending
                ? $"Extension request {last.Number} is still waiting for an answer."
                : "This assignment's due date has already been extended once.");
        return new Validation()
            .Check(command.DueBy is not null, "dueBy", "'dueBy' is required.")
            .DueBy("dueBy", command.DueBy, now)
            .Check(command.DueBy is null || Deadlines.DueBy is not { } due || command.DueBy > due,
                "dueBy", "'dueBy' must be later than the current due date.")
            .Required("reason", command.Reason, Limits.Text)
            .Then(() => Decision.Accept(new ExtensionRequested(
                (Extension?.Number ?? 0) + 1, Assignee!, command.DueBy!.Value.ToUniversalTime(), command.Reason!, by, now)));
    }

    /// <summary>A host grants the pending request: the assignment's due date becomes the one asked for.</summary>
    public Decision ApproveExtension(int number, ReviewExtension command, Actor by, DateTimeOffset now) =>
        Review(number, command, "approve-extension", request => new ExtensionApproved(number, request.DueBy, command.Note, by, now));

    /// <summary>A host refuses the pending request: the due date stays; the assignee may ask again.</summary>
    public Decision RejectExtension(int number, ReviewExtension command, Actor by, DateTimeOffset now) =>
        Review(number, command, "reject-extension", _ => new ExtensionRejected(number, command.Note, by, now));

    private Decision Review(int number, ReviewExtension command, string name, Func<ExtensionRequest, object> answer)
    {
        if (Extension is not { } request || number < 1 || number > request.Number) return new NoSuchRequest(number);
        if (number != request.Number || request.Status != ExtensionStatus.Pending)
            return new InvalidTransition(name, Status.ToWire(), $"Extension request {number} has already been answered.");
        if (request.Assignment != Deadlines.Assignment || !IsIn(IssueStatus.Acknowledged, IssueStatus.InProgress))
            return new InvalidTransition(name, Status.ToWire(), $"Extension request {number} lapsed: the assignment it was for is over.");
        return new Validation().Optional("note", command.Note, Limits.Text).Then(() => Decision.Accept(answer(request)));
    }
}
