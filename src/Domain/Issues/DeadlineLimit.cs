using System.ComponentModel;
using System.Globalization;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>A deadline term: a span of time ("3.00:00:00") or a count of working days ("3wd", as 12345 sets them).</summary>
[TypeConverter(typeof(DeadlineLimitConverter))]
public readonly record struct DeadlineLimit(TimeSpan Span, int WorkingDays = 0)
{
    public static implicit operator DeadlineLimit(TimeSpan span) => new(span);

    public static DeadlineLimit FromWorkingDays(int days) => new(TimeSpan.Zero, days);

    /// <summary>For choosing the shorter of two terms: a working day counts as at least a day.</summary>
    public TimeSpan AtLeast => WorkingDays > 0 ? TimeSpan.FromDays(WorkingDays) : Span;

    public DateTimeOffset After(DateTimeOffset from, WorkingCalendar calendar, TimeZoneInfo zone) =>
        WorkingDays > 0 ? calendar.AddWorkingDays(from, WorkingDays, zone) : from + Span;

    public static DeadlineLimit Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("wd", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(trimmed[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
            return FromWorkingDays(days);
        return TimeSpan.Parse(trimmed, CultureInfo.InvariantCulture);
    }

    public override string ToString() => WorkingDays > 0 ? $"{WorkingDays}wd" : Span.ToString("c", CultureInfo.InvariantCulture);
}

public sealed class DeadlineLimitConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? DeadlineLimit.Parse(text) : base.ConvertFrom(context, culture, value);
}
