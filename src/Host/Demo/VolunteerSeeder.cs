using System.Security.Cryptography;
using System.Text;
using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Volunteers;

namespace IssueTracker.Host.Demo;

/// <summary>
/// 明光路街道's volunteer service: the ten micro-teams' volunteers, their service, rewards, wishes, a micro-task, a
/// venture and the two lists, written through the same decide functions as the API. Ids follow from the street and
/// the entry, so a second run appends nothing. Volunteers with an account can sign in as themselves (token vol-…).
/// </summary>
public static class VolunteerSeeder
{
    /// <summary>The micro-teams (微团队): directory slugs and names; the directory holds them as kind volunteerTeam.</summary>
    public static readonly (string Id, string Name)[] Teams =
    [
        ("hongli-classroom", "洪立周爱心课堂"), ("wuhuaping-sunshine", "吴化平阳光工作室"), ("yixiao-canteen", "以孝治家大食堂"),
        ("xiandai-maternity", "现代妇产医院志愿服务队"), ("shequ-xiaobangke", "社区小帮客"), ("mingguang-party-veterans", "明光老党员服务队"),
        ("binhe-green", "滨河路环保志愿队"), ("donglai-helpers", "东来家园帮帮团"), ("kuangji-neighbours", "矿机二村邻里守望队"),
        ("quanjiao-canteen-friends", "全椒路社区助餐志愿队")
    ];

    private static readonly Actor Host = new("host-li", "李主任", Roles.Host, null);
    private static readonly Actor GridWorker = new("grid-05", "5号网格员", Roles.Reporter, null);

    private sealed record DemoVolunteer(string Account, string Name, string Community, string[] Skills, string Team, decimal[] Hours);

    private static readonly DemoVolunteer[] Volunteers =
    [
        new("vol-hong", "洪立周", "明光社区", ["课业辅导", "书法"], "hongli-classroom", [3, 2.5m, 4]),
        new("vol-wu", "吴化平", "全椒路社区", ["理发", "陪伴老人"], "wuhuaping-sunshine", [2, 2, 3, 1.5m]),
        new("vol-chen", "陈阿姨", "全椒路社区", ["烹饪", "送餐"], "yixiao-canteen", [4, 4, 3.5m]),
        new("vol-liu", "刘医生", "明光社区", ["量血压", "健康讲座"], "xiandai-maternity", [2, 3]),
        new("vol-zhang", "张小帮", "明光社区", ["水电维修", "搬运"], "shequ-xiaobangke", [1.5m, 2, 6]),
        new("vol-wang", "王大爷", "明光社区", ["政策宣讲", "调解"], "mingguang-party-veterans", [2, 1])
    ];

    public static async Task<int> SeedAsync(IDocumentStore store, string street, DateTimeOffset now, Action<string>? log = null)
    {
        await using var session = store.LightweightSession(street);
        var added = 0;

        async Task Start<T>(Guid id, string what, IEnumerable<object> events) where T : class
        {
            if (await session.Events.FetchStreamStateAsync(id) is not null) return;
            session.Events.StartStream<T>(id, [.. events]);
            log?.Invoke($"  + {what}");
            added++;
        }

        var rule = new PointsRule();
        var ids = new Dictionary<string, Guid>();
        foreach (var (v, n) in Volunteers.Select((v, n) => (v, n)))
        {
            var id = ids[v.Account] = VolunteerIds.ForAccount(street, v.Account);
            var self = new Actor(v.Account, v.Name, VolunteerRoles.Volunteer, null);
            var at = now.AddDays(-60 + n);
            var events = Accept(Volunteer.Register(new RegisterVolunteer(v.Name, $"139{n:0000}0000", v.Skills, v.Community), self, at));
            var state = Volunteer.Create(id, (VolunteerRegistered)events[0]);
            state = Step(state, state.JoinTeam(new JoinTeam(v.Team), true, self, at), events);
            foreach (var (hours, day) in v.Hours.Select((h, d) => (h, d)))
            {
                var served = at.AddDays(7 * (day + 1));
                state = Step(state, state.RecordService(new RecordService(Activity(v.Team), hours, DateOnly.FromDateTime(served.UtcDateTime)),
                    rule, Leader(v.Team), served), events);
            }
            await Start<Volunteer>(id, $"志愿者 {v.Name}（{TeamName(v.Team)}）", events);
        }

        (string Name, int Cost, int Stock)[] rewards =
            [("爱心理发券", 30, 20), ("全椒路社区老年食堂餐券", 50, 30), ("志愿者马甲", 80, 10), ("《明光路街道志愿服务》纪念册", 120, 5)];
        foreach (var (name, cost, stock) in rewards)
            await Start<Reward>(Id(street, "reward", name), $"积分兑换 {name}",
                Accept(Reward.Offer(new OfferReward(name, cost, stock), Host, now.AddDays(-30))));

        var wu = ids["vol-wu"];
        await Start<Wish>(Id(street, "wish", "陪聊"), "微心愿 想请人每周陪聊一次", Wishes.Fulfilled(wu, "vol-wu", now));
        await Start<Wish>(Id(street, "wish", "手机"), "微心愿 想学用智能手机挂号",
            Accept(Wish.Record(new RecordWish("想学用智能手机挂号", "老人看病想在手机上挂号，不会操作。", "明光社区", 12, new Resident("李爷爷", "0551-6200****")), GridWorker, now.AddDays(-5))));
        await Start<Wish>(Id(street, "wish", "轮椅"), "微心愿 借一辆轮椅",
            Accept(Wish.Record(new RecordWish("借一辆轮椅去复查", "群力新村独居老人术后复查需要轮椅。", "明光社区", 7, new Resident("赵奶奶", null)), GridWorker, now.AddDays(-2))));

        var task = Accept(MicroTask.Publish(new PublishMicroTask("矿机二村楼道杂物清理", "清理2栋、3栋楼道堆放的杂物，消除消防隐患。", "明光社区", null, "shequ-xiaobangke"),
            null, true, Host, now.AddDays(-3)));
        await Start<MicroTask>(Id(street, "micro-task", "楼道"), "微实事 矿机二村楼道杂物清理", task);
        await Start<MicroTask>(Id(street, "micro-task", "宣传"), "微实事 来安花园停车公约宣传",
            Accept(MicroTask.Publish(new PublishMicroTask("来安花园停车公约宣传", "入户宣传停车公约，配合红色物业整治停车难。", "明光社区", null, null), null, true, Host, now.AddDays(-1))));
        await Start<Venture>(Id(street, "venture", "助餐"), "微创投 老年食堂助餐志愿服务",
            Accept(Venture.Propose(new ProposeVenture("老年食堂助餐志愿服务", "为全椒路社区老年食堂招募送餐志愿者，购置保温餐箱。", "yixiao-canteen", 8000m),
                true, Leader("yixiao-canteen"), now.AddDays(-20))));

        (string Provider, string Category, string? Community, string Description, int Capacity)[] resources =
        [
            ("现代妇产医院", "医疗", null, "每月一次免费义诊、测血压", 50), ("以孝治家大食堂", "助餐", "全椒路社区", "老年助餐、送餐上门", 40),
            ("洪立周爱心课堂", "教育", "明光社区", "周末课业辅导", 20), ("红色物业", "维修", "明光社区", "老旧小区小修小补", 10)
        ];
        foreach (var r in resources)
            await Start<Resource>(Id(street, "resource", r.Provider), $"资源 {r.Provider}：{r.Description}",
                Accept(Resource.List(new ListResource(r.Provider, r.Category, r.Community, r.Description, r.Capacity), Host, now.AddDays(-15))));
        (string Category, string Community, string Description, int Grid)[] needs =
        [
            ("医疗", "全椒路社区", "独居老人希望定期测量血压", 5), ("助餐", "全椒路社区", "失能老人需要送餐上门", 5),
            ("教育", "明光社区", "双职工家庭孩子放学后无人辅导", 12), ("维修", "明光社区", "矿机二村楼道灯坏了", 3)
        ];
        foreach (var n in needs)
            await Start<Need>(Id(street, "need", n.Description), $"需求 {n.Description}",
                Accept(Need.List(new ListNeed(n.Category, n.Community, n.Description, n.Grid), GridWorker, now.AddDays(-10))));

        await session.SaveChangesAsync();
        return added;
    }

    private static class Wishes
    {
        /// <summary>A wish recorded, claimed by a volunteer and fulfilled: it waits for the grid worker's confirmation.</summary>
        public static IEnumerable<object> Fulfilled(Guid volunteer, string account, DateTimeOffset now)
        {
            var self = new Actor(account, "吴化平", VolunteerRoles.Volunteer, null);
            var events = Accept(Wish.Record(new RecordWish("想请人每周陪聊一次", "独居老人，子女在外地，希望每周有人上门聊聊天。", "全椒路社区", 5,
                new Resident("张奶奶", "0551-6200****")), GridWorker, now.AddDays(-20)));
            var wish = Wish.Create(Guid.Empty, (WishRecorded)events[0]);
            var claimed = Accept(wish.Claim(new ClaimWish(volunteer, null), new Volunteer(volunteer, account, [], 0, 0), false, self,
                now.AddDays(-19)));
            events.AddRange(claimed);
            wish = claimed.Aggregate(wish, Wish.Evolve);
            events.AddRange(Accept(wish.Fulfil(new FulfilWish("已连续四周上门陪伴，老人很开心。", null), [], self, now.AddDays(-2))));
            return events;
        }
    }

    private static Actor Leader(string team) => new($"lead-{team}", $"{TeamName(team)}队长", VolunteerRoles.TeamLeader, team);

    private static string TeamName(string team) => Teams.Single(t => t.Id == team).Name;

    private static string Activity(string team) => team switch
    {
        "hongli-classroom" => "周末爱心课堂辅导",
        "wuhuaping-sunshine" => "为高龄老人上门理发",
        "yixiao-canteen" => "老年食堂送餐",
        "xiandai-maternity" => "社区义诊",
        "shequ-xiaobangke" => "帮独居老人修水电",
        _ => "政策宣讲与邻里调解"
    };

    private static Volunteer Step(Volunteer state, Decision decision, List<object> events)
    {
        var happened = Accept(decision);
        events.AddRange(happened);
        return happened.Aggregate(state, Volunteer.Evolve);
    }

    private static Guid Id(string street, string kind, string key) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"issuetracker-demo/{street}/{kind}/{key}")));

    private static List<object> Accept(Decision decision) => decision.Rejection is { } rejection
        ? throw new InvalidOperationException($"The demo volunteers break a rule: {rejection}")
        : decision.Events.ToList();
}
