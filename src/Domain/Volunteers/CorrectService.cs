using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record CorrectService(decimal? Hours, string? Reason);

public sealed partial record Volunteer
{
    /// <summary>
    /// A correction restates a record's hours (the points follow); it may not take away points already spent.
    /// </summary>
    public Decision CorrectService(Guid recordId, CorrectService command, PointsRule rule, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff() && !IsLedBy(by))
            return new Forbidden("Only a host or a leader of one of the volunteer's teams corrects their service.");
        if (!Records.TryGetValue(recordId, out var record))
            return new Validation().Add("recordId", ErrorCodes.Invalid, "No service record with that id for this volunteer.", "该志愿者没有这条服务记录。").ToRejection();
        var validation = new Validation()
            .Check(PointsRule.AreValidHours(command.Hours), "hours",
                $"'hours' is required: from {PointsRule.MinHours} to {PointsRule.MaxHours} per record.")
            .Required("reason", command.Reason, Limits.Text);
        if (!validation.IsValid) return validation.ToRejection();
        var points = rule.ForHours(command.Hours!.Value);
        if (Points - record.Points + points < 0)
            return Redemption.InsufficientPoints("The correction would take away points the volunteer has already spent.");
        return Decision.Accept(new ServiceRecordCorrected(recordId, command.Hours.Value, points, command.Reason!.Trim(), by, now));
    }
}
