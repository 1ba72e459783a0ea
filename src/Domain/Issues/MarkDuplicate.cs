using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record MarkDuplicate([property: Required] Guid? Of);

public sealed partial record Issue
{
    /// <param name="originalExists">Whether the issue named by <c>of</c> exists in the same street.</param>
    public Decision MarkDuplicate(MarkDuplicate command, bool originalExists, Actor by, DateTimeOffset now)
    {
        if (Status.IsTerminal()) return Forbid("duplicate");
        return new Validation()
            .Check(command.Of is not null, "of", ErrorCodes.Required, "'of' is required: the id of the issue this one duplicates.", "「of」必填：被重复的问题编号。")
            .Check(command.Of is null || originalExists, "of", ErrorCodes.NotFound, "'of' names no issue in this street.", "「of」在本街道找不到对应的问题。")
            .Check(command.Of != Id, "of", ErrorCodes.Invalid, "An issue cannot duplicate itself.", "问题不能与自身重复。")
            .Then(() => Decision.Accept(new IssueMarkedDuplicate(command.Of!.Value, by, now)));
    }
}
