using IssueTracker.Domain.Issues;
using static IssueTracker.Domain.Issues.IssueCategory;

namespace IssueTracker.Host.Demo;

/// <summary>
/// 明光路街道 as the story tells it: four communities over its 34 grids, the compounds residents named, the property
/// companies and departments that take the work, and issues at every stage of their lifecycle. Steps are
/// "assign:org:days-to-due", "ack", "progress", "resolve", "confirm:satisfaction", "reopen", "decline", "close",
/// "withdraw", "duplicate:n" (of the n-th issue), "agenda" (put on the street's demo meeting) and
/// "decide:org:days-to-due" (the meeting assigns it); they are spread evenly between the day raised and now.
/// </summary>
public static class DemoStreet
{
    public static readonly (string Community, int FirstGrid, int LastGrid)[] Communities =
    [
        ("明光社区", 1, 9), ("全椒路社区", 10, 18), ("芜湖路社区", 19, 26), ("滨河社区", 27, 34)
    ];

    public static readonly Dictionary<string, string> Organisations = new()
    {
        ["hongse-wuye"] = "红色物业", ["anju-wuye"] = "安居物业", ["donglai-wuye"] = "东来物业",
        ["datonglu-pcs"] = "大通路派出所", ["chengguan"] = "街道城管"
    };

    public sealed record Story(string Title, IssueCategory Category, string Compound, string? Building, int Grid,
        double DaysAgo, params string[] Steps)
    {
        public Urgency Urgency { get; init; } = Urgency.Normal;
        public string Community => Communities.First(c => Grid >= c.FirstGrid && Grid <= c.LastGrid).Community;
    }

    public static readonly Story[] Issues =
    [
        new("明光小区地锁占道", Parking, "明光小区", "3栋", 2, 2),
        new("群力新村散养家禽", Animals, "群力新村", "5栋", 7, 14, "assign:chengguan:10", "ack", "progress"),
        new("矿机二村老楼漏水", Repairs, "矿机二村", "2栋", 11, 30, "assign:hongse-wuye:7", "ack", "progress", "resolve", "confirm:satisfied") { Urgency = Urgency.Urgent },
        new("来安花园交房后墙面开裂", Repairs, "来安花园", "8栋", 21, 6, "assign:anju-wuye:14", "ack"),
        new("东来家园复建点地下室渗水", Repairs, "东来家园", "12栋", 30, 25, "assign:donglai-wuye:10", "ack", "progress", "resolve", "confirm:unsatisfied"),
        new("东来家园楼道照明损坏", Safety, "东来家园", "6栋", 31, 10, "assign:donglai-wuye:3"),
        new("和平盛世商业街油烟扰民", Noise, "和平盛世商业街", null, 24, 9, "assign:chengguan:7", "decline"),
        new("安美商业街占道经营", Sanitation, "安美商业街", null, 15, 40, "assign:chengguan:10", "ack", "progress", "resolve", "confirm:satisfied", "close"),
        new("明光小区停车难", Parking, "明光小区", null, 3, 20, "close"),
        new("供水小区物业费收缴难", Property, "供水小区", null, 13, 8, "assign:hongse-wuye:30", "ack", "progress"),
        new("群力新村绿化带被占种菜", Greening, "群力新村", "9栋", 8, 3, "assign:hongse-wuye:14"),
        new("矿机二村夜间广场舞噪音", Noise, "矿机二村", null, 12, 5, "withdraw"),
        new("明光小区地锁占道（重复反映）", Parking, "明光小区", "3栋", 2, 1, "duplicate:0"),
        new("来安花园电动车楼道充电", Safety, "来安花园", "4栋", 22, 7, "assign:anju-wuye:5", "ack", "progress", "resolve") { Urgency = Urgency.Urgent },
        new("滨河路沿线垃圾清运不及时", Sanitation, "滨河路", null, 28, 18, "assign:chengguan:7", "ack", "progress", "resolve", "confirm:basicallySatisfied"),
        new("东来家园门禁系统故障", Property, "东来家园", "1栋", 32, 12, "assign:donglai-wuye:7", "ack", "resolve"),
        new("芜湖路老旧小区无物业管理", Property, "芜湖路", null, 20, 4),
        new("全椒路社区老年食堂门前积水", Repairs, "全椒路", null, 10, 9, "assign:hongse-wuye:2", "ack"),
        new("明光路夜间无证摊点", Safety, "明光路", null, 5, 22, "assign:datonglu-pcs:7", "ack", "progress", "resolve", "confirm:satisfied"),
        new("群力新村楼顶违建", Other, "群力新村", "11栋", 6, 1.5),
        new("来安花园窗户渗水（交房质量）", Repairs, "来安花园", "10栋", 23, 16, "assign:anju-wuye:7", "ack", "progress"),
        new("滨河社区流浪犬伤人隐患", Animals, "滨河社区", null, 33, 2.5, "assign:chengguan:5"),
        new("矿机二村下水道堵塞", Sanitation, "矿机二村", "7栋", 14, 21, "assign:hongse-wuye:10", "ack", "progress", "resolve", "reopen", "ack"),
        new("东来家园车位分配争议", Parking, "东来家园", null, 34, 0.4),
        new("明光小区电动车飞线充电", Safety, "明光小区", "5栋", 4, 2.2, "agenda"),
        new("群力新村公共晾衣区被占", Property, "群力新村", "2栋", 9, 2.6, "agenda", "decide:hongse-wuye:10")
    ];
}
