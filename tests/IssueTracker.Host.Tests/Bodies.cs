namespace IssueTracker.Host.Tests;

/// <summary>Request bodies as clients send them, with the story's places.</summary>
public static class Bodies
{
    public static object ParkingLock(string community = "明光社区", int grid = 12) => new
    {
        title = "明光小区地锁占道",
        description = "3栋楼下多个私装地锁占用消防通道",
        category = "parking",
        location = new { community, compound = "明光小区", building = "3栋", grid },
        reporter = new { name = "王女士", contact = "13800000000" },
        urgency = "normal",
        photoUrls = Array.Empty<string>()
    };

    public static object LoosePoultry(string community = "明光社区") => new
    {
        title = "群力新村散养家禽",
        description = "院内散养鸡鸭，气味和卫生问题",
        category = "animals",
        location = new { community, compound = "群力新村", building = "5栋", grid = 7 },
        urgency = "normal"
    };

    public static object LeakingBuilding(string community = "明光社区") => new
    {
        title = "矿机二村老楼漏水",
        description = "顶层住户屋顶漏水，雨天严重",
        category = "repairs",
        location = new { community, compound = "矿机二村", building = "2栋", grid = 3 },
        urgency = "urgent"
    };

    public static object Assign(string assignee = Street.PropertyCompany, DateTimeOffset? dueBy = null) =>
        new { assignee, dueBy = dueBy ?? DateTimeOffset.UtcNow.AddDays(7), note = "请一周内处理" };

    public static object Extension(DateTimeOffset? dueBy = null) =>
        new { dueBy = dueBy ?? DateTimeOffset.UtcNow.AddDays(30), reason = "需业委会表决动用维修基金" };
}
