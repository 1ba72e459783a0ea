namespace IssueTracker.Domain.Shared;

/// <summary>
/// Which days are working days (工作日): Monday to Friday, less public holidays, plus the weekend days worked in
/// their place (调休). Bound from the "Calendar" configuration section.
/// </summary>
public sealed class WorkingCalendar
{
    public HashSet<DateOnly> Holidays { get; init; } = [];
    public HashSet<DateOnly> ExtraWorkdays { get; init; } = [];

    public bool IsWorkingDay(DateOnly day) =>
        ExtraWorkdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    /// <summary>
    /// The same time of day <paramref name="days"/> working days later, counted on the calendar of
    /// <paramref name="zone"/>: Friday 10:00 plus one working day is Monday 10:00.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        var wall = day.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay));
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}

/// <summary>Each street's time zone (<c>Streets:&lt;street&gt;:TimeZone</c>), else the default (<c>Street:TimeZone</c>).</summary>
public sealed class StreetTimeZones(string defaultZone, IReadOnlyDictionary<string, string>? perStreet = null)
{
    public const string Fallback = "Asia/Shanghai";

    public static readonly StreetTimeZones China = new(Fallback);

    public TimeZoneInfo For(string? street) =>
        TimeZoneInfo.FindSystemTimeZoneById(street is not null && perStreet?.GetValueOrDefault(street) is { Length: > 0 } own ? own : defaultZone);
}
