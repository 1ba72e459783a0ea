using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Shared;

public class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 2026: 国庆 1–7 October (Thursday to Wednesday) are holidays; Saturday 10 October is worked in their place.
    private static readonly WorkingCalendar NationalDay = new()
    {
        Holidays = [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
        ExtraWorkdays = [new DateOnly(2026, 10, 10)]
    };

    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Weekends_are_not_counted()
    {
        var friday = Local(11, 27, 10);
        new WorkingCalendar().AddWorkingDays(friday, 1, Shanghai).ShouldBe(Local(11, 30, 10));
        new WorkingCalendar().AddWorkingDays(friday, 3, Shanghai).ShouldBe(Local(12, 2, 10));
    }

    [Fact]
    public void Holidays_are_skipped_and_extra_workdays_counted()
    {
        var lastDayBefore = Local(9, 30, 16);
        NationalDay.AddWorkingDays(lastDayBefore, 1, Shanghai).ShouldBe(Local(10, 8, 16));
        NationalDay.AddWorkingDays(lastDayBefore, 3, Shanghai).ShouldBe(Local(10, 10, 16));
    }

    [Fact]
    public void Days_are_cut_in_the_streets_time_zone()
    {
        // Friday 23:30 UTC is already Saturday 07:30 in Shanghai: the next working day is Monday.
        var fridayNightUtc = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
        new WorkingCalendar().AddWorkingDays(fridayNightUtc, 1, Shanghai).ShouldBe(Local(11, 30, 7).AddMinutes(30));
        new WorkingCalendar().AddWorkingDays(fridayNightUtc, 1, TimeZoneInfo.Utc).ShouldBe(fridayNightUtc.AddDays(3));
    }

    [Fact]
    public void A_limit_is_a_span_or_working_days()
    {
        DeadlineLimit.Parse("3wd").ShouldBe(DeadlineLimit.FromWorkingDays(3));
        DeadlineLimit.Parse("3.00:00:00").ShouldBe(new DeadlineLimit(TimeSpan.FromDays(3)));
        DeadlineLimit.Parse("12:00:00").ToString().ShouldBe("12:00:00");
        DeadlineLimit.FromWorkingDays(5).ToString().ShouldBe("5wd");
        Should.Throw<FormatException>(() => DeadlineLimit.Parse("0wd"));
    }

    [Fact]
    public void An_assignment_in_working_days_is_due_on_the_calendar()
    {
        var policy = new DeadlinePolicy { Resolve = DeadlineLimit.FromWorkingDays(3), Calendar = NationalDay };
        var host = new Actor("host-1", "李主任", Roles.Host, null);
        var at = Local(9, 30, 16);
        var issue = Issue.Replay(Guid.NewGuid(), Issue.Raise(Issues.Samples.ParkingLock(), host, at).Events)!;

        var assigned = issue.Supervise(issue.Assign(new AssignIssue("hongse-wuye", null, null), host, at), policy, at);

        assigned.Events.OfType<IssueAssigned>().Single().DueBy.ShouldBe(Local(10, 10, 16));
    }
}
