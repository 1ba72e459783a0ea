using IssueTracker.Domain.Volunteers;

namespace IssueTracker.Host.Volunteers;

/// <summary>The volunteer service's routes (one OpenAPI tag) and realistic request bodies from 明光路街道.</summary>
public static class VolunteerExamples
{
    public static readonly string[] Routes =
        ["/api/volunteers", "/api/rewards", "/api/wishes", "/api/micro-tasks", "/api/ventures", "/api/resources", "/api/needs", "/api/ledgers"];

    private static readonly Guid SomeVolunteer = Guid.Parse("0195f3a2-7c41-7d2e-9a10-4c5d6e7f8091");

    public static readonly Dictionary<Type, object> Bodies = new()
    {
        [typeof(RegisterVolunteer)] = new RegisterVolunteer("吴化平", "139****2468", ["理发", "陪伴老人"], "全椒路社区"),
        [typeof(JoinTeam)] = new JoinTeam("wuhuaping-sunshine"),
        [typeof(RecordService)] = new RecordService("全椒路社区老年食堂送餐", 2.5m, new DateOnly(2026, 11, 28)),
        [typeof(CorrectService)] = new CorrectService(2m, "送餐实际两小时，登记有误。"),
        [typeof(OfferReward)] = new OfferReward("爱心理发券", 30, 20),
        [typeof(RestockReward)] = new RestockReward(10),
        [typeof(RedeemReward)] = new RedeemReward(SomeVolunteer),
        [typeof(RecordWish)] = new RecordWish("想请人每周陪聊一次", "独居老人，子女在外地，希望每周有人上门聊聊天、读读报。", "全椒路社区", 5,
            new Resident("张奶奶", "0551-6****21")),
        [typeof(ClaimWish)] = new ClaimWish(SomeVolunteer, null),
        [typeof(FulfilWish)] = new FulfilWish("已连续四周上门陪伴，老人很开心。", []),
        [typeof(PublishMicroTask)] = new PublishMicroTask("矿机二村楼道杂物清理", "清理2栋、3栋楼道堆放的杂物，消除消防隐患。", "明光社区", null,
            "shequ-xiaobangke"),
        [typeof(ClaimMicroTask)] = new ClaimMicroTask("shequ-xiaobangke"),
        [typeof(ProposeVenture)] = new ProposeVenture("老年食堂助餐志愿服务", "为全椒路社区老年食堂招募送餐志愿者，购置保温餐箱。", "yixiao-canteen", 8000m),
        [typeof(ApproveVenture)] = new ApproveVenture("同意立项，按季度报送进展。"),
        [typeof(DeclineVenture)] = new DeclineVenture("预算超出本期微创投额度。"),
        [typeof(ReportMilestone)] = new ReportMilestone("已购置保温餐箱20个，招募送餐志愿者12名。", 2600m),
        [typeof(CompleteVenture)] = new CompleteVenture("项目完成，累计送餐1200份。"),
        [typeof(ListResource)] = new ListResource("现代妇产医院", "医疗", null, "每月一次免费义诊，可服务50人。", 50),
        [typeof(ListNeed)] = new ListNeed("医疗", "全椒路社区", "独居老人希望定期测量血压。", 5),
        [typeof(MatchNeed)] = new MatchNeed(Guid.Parse("0195f3a2-7c41-7d2e-9a10-5d6e7f8091a2")),
        [typeof(CompleteMicroTask)] = new CompleteMicroTask("清理杂物三车，楼道已畅通。", [new Participation(SomeVolunteer, 3)]),
    };
}
