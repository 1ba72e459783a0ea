using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Open311;

/// <summary>One Open311 service per issue category: service_code is the category's wire name.</summary>
public static class ServiceCatalogue
{
    public sealed record Service(IssueCategory Category, string Name, string Group, string Description, string Keywords)
    {
        public string Code => IssueStatuses.JsonName(Category.ToString());

        public Open311Object ToWire() => new Open311Object()
            .Add("service_code", Code).Add("service_name", Name).Add("description", Description)
            .Add("metadata", false).Add("type", "realtime").Add("keywords", Keywords).Add("group", Group);
    }

    public static readonly IReadOnlyList<Service> All =
    [
        new(IssueCategory.Parking, "停车", "道路交通", "占道停车、地锁、车位纠纷。", "地锁, 停车, 车位, parking"),
        new(IssueCategory.Repairs, "维修渗漏", "房屋设施", "楼道、屋顶、管道的漏水与公共设施维修。", "漏水, 维修, 渗漏, repairs, leaks"),
        new(IssueCategory.Sanitation, "环境卫生", "市容环境", "垃圾堆放、清运不及时、卫生死角。", "垃圾, 卫生, sanitation"),
        new(IssueCategory.Animals, "动物家禽", "市容环境", "散养家禽、流浪动物、宠物扰民。", "家禽, 流浪狗, animals, poultry"),
        new(IssueCategory.Noise, "噪音", "邻里秩序", "施工、商铺、广场舞等噪音扰民。", "噪音, 扰民, noise"),
        new(IssueCategory.Safety, "安全", "平安建设", "消防通道堵塞、电动车违规充电、治安隐患。", "消防, 安全, safety"),
        new(IssueCategory.Property, "物业管理", "房屋设施", "物业服务、无物业小区、维修资金。", "物业, property management"),
        new(IssueCategory.Greening, "绿化", "市容环境", "绿地毁损、树木修剪、毁绿种菜。", "绿化, 树木, greening"),
        new(IssueCategory.Other, "其他", "其他", "不属于以上类别的问题。", "其他, other")
    ];

    public static Service? For(string? code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static Service For(IssueCategory category) => All.Single(s => s.Category == category);
}
