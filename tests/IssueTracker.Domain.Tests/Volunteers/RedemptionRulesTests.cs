using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using static IssueTracker.Domain.Tests.Volunteers.VolunteerSamples;

namespace IssueTracker.Domain.Tests.Volunteers;

public class RedemptionRulesTests
{
    [Fact]
    public void A_redemption_spends_the_cost_and_one_of_the_stock_on_both_streams()
    {
        var volunteer = WithPoints(50);
        var reward = RewardOf(cost: 30, stock: 2);

        var redemption = Redemption.Decide(volunteer, reward, Self, Now);

        redemption.Rejection.ShouldBeNull();
        redemption.ForVolunteer.Events.Aggregate(volunteer, Volunteer.Evolve).Points.ShouldBe(20);
        redemption.ForReward.Events.Aggregate(reward, Reward.Evolve).Stock.ShouldBe(1);
    }

    [Fact]
    public void Not_enough_points_is_its_own_conflict()
    {
        Redemption.Decide(WithPoints(29), RewardOf(30, 5), Self, Now).Rejection
            .ShouldBeOfType<RuleConflict>().Code.ShouldBe("insufficient-points");
    }

    [Fact]
    public void An_empty_stock_is_its_own_conflict()
    {
        Redemption.Decide(WithPoints(100), RewardOf(30, 0), Self, Now).Rejection
            .ShouldBeOfType<RuleConflict>().Code.ShouldBe("out-of-stock");
    }

    [Fact]
    public void Only_the_volunteer_themself_or_a_host_redeems()
    {
        var volunteer = WithPoints(100);
        Redemption.Decide(volunteer, RewardOf(30, 5), Host, Now).Rejection.ShouldBeNull();
        Redemption.Decide(volunteer, RewardOf(30, 5), OtherVolunteer, Now).Rejection.ShouldBeOfType<Forbidden>();
        Redemption.Decide(volunteer, RewardOf(30, 5), Leader, Now).Rejection.ShouldBeOfType<Forbidden>();
        Redemption.Decide(Registered(Host) with { Points = 100 }, RewardOf(30, 5), Self, Now).Rejection.ShouldBeOfType<Forbidden>();
    }

    [Fact]
    public void Offering_a_reward_needs_a_name_a_positive_cost_and_a_stock()
    {
        FieldErrors(Reward.Offer(new OfferReward(" ", 0, -1), Host, Now)).Keys.ShouldBe(["name", "cost", "stock"], ignoreOrder: true);
        Reward.Offer(new OfferReward("爱心理发券", 30, 5), Self, Now).Rejection.ShouldBeOfType<Forbidden>();
        var offered = Reward.Offer(new OfferReward("爱心理发券", 30, 5), Host, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<RewardOffered>();
        var reward = Reward.Create(Guid.NewGuid(), offered);
        reward.Restock(new RestockReward(3), Host, Now).Events.Aggregate(reward, Reward.Evolve).Stock.ShouldBe(8);
        FieldErrors(reward.Restock(new RestockReward(0), Host, Now)).Keys.ShouldBe(["quantity"]);
    }
}
