using IssueTracker.Domain.Issues;

namespace IssueTracker.Domain.Tests.Issues;

public static class Samples
{
    public static RaiseIssue ParkingLock() => new(
        "明光小区地锁占道", "3栋楼下多个地锁占用消防通道", IssueCategory.Parking,
        new Location("明光社区", "明光小区", "3栋", 12), new Reporter("王女士", "13800000000"), Urgency.Normal, []);
}
