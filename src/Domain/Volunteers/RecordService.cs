using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record RecordService(string? Activity, decimal? Hours, DateOnly? ServedOn);

public sealed partial record Volunteer
{
    /// <summary>A host or a leader of one of the volunteer's teams records service; the points follow from the hours.</summary>
    public Decision RecordService(RecordService command, PointsRule rule, Actor by, DateTimeOffset now, Guid? source = null)
    {
        if (!by.IsStaff() && !IsLedBy(by))
            return new Forbidden("Only a host or a leader of one of the volunteer's teams records their service.");
        return new Validation()
            .Required("activity", command.Activity, Limits.Title)
            .Check(PointsRule.AreValidHours(command.Hours), "hours",
                $"'hours' is required: from {PointsRule.MinHours} to {PointsRule.MaxHours} per record.")
            .Check(command.ServedOn is { } day && day <= DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)), "servedOn",
                "'servedOn' is required and cannot be in the future.")
            .Then(() => Decision.Accept(new ServiceRecorded(Guid.CreateVersion7(), command.Activity!.Trim(), command.Hours!.Value,
                command.ServedOn!.Value, rule.ForHours(command.Hours.Value), source, by, now)));
    }
}
