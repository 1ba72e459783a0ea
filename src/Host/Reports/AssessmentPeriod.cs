using System.Globalization;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Host.Reports;

/// <summary>Calendar months from..to (yyyy-MM), cut at midnight in the street's time zone.</summary>
public sealed record AssessmentPeriod(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 36;

    public static Validation Parse(string? from, string? to, out AssessmentPeriod? period)
    {
        period = null;
        var validation = new Validation();
        var first = Month(from);
        var last = Month(to);
        validation.Check(first is not null, "from", "'from' is a month, yyyy-MM.").Check(last is not null, "to", "'to' is a month, yyyy-MM.");
        if (first is { } f && last is { } l)
        {
            validation.Check(f <= l, "to", "'to' must not be before 'from'.")
                .Check(f > l || (l.Year - f.Year) * 12 + l.Month - f.Month < MaxMonths, "to", $"At most {MaxMonths} months at a time.");
            if (validation.IsValid) period = new(f, l);
        }
        return validation;
    }

    public DateTimeOffset Start(TimeZoneInfo zone) => Midnight(From, zone);

    public DateTimeOffset End(TimeZoneInfo zone) => Midnight(To.AddMonths(1), zone);

    public string FromText => From.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string ToText => To.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    private static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
