using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record MarkDuplicate(Guid? Of);

public sealed partial record Issue
{
    /// <param name="originalExists">Whether the issue named by <c>of</c> exists in the same street.</param>
    public Decision MarkDuplicate(MarkDuplicate command, bool originalExists, Actor by, DateTimeOffset now)
    {
        if (Status.IsTerminal()) return Forbid("duplicate");
        return new Validation()
            .Check(command.Of is not null, "of", "'of' is required: the id of the issue this one duplicates.")
            .Check(command.Of is null || originalExists, "of", "'of' names no issue in this street.")
            .Check(command.Of != Id, "of", "An issue cannot duplicate itself.")
            .Then(() => Decision.Accept(new IssueMarkedDuplicate(command.Of!.Value, by, now)));
    }
}
