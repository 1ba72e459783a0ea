using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using static IssueTracker.Domain.Tests.Volunteers.VolunteerSamples;

namespace IssueTracker.Domain.Tests.Volunteers;

public class WishRulesTests
{
    private static Wish Recorded(Actor? by = null) => Wish.Create(Guid.NewGuid(), (WishRecorded)Wish.Record(
        new RecordWish("想请人每周陪聊一次", "", "全椒路社区", 5, new Resident("张奶奶", "0551")), by ?? Reporter, Now).Events[0]);

    private static Wish Step(Wish wish, Decision decision)
    {
        decision.IsAccepted.ShouldBeTrue(decision.Rejection?.Detail);
        return decision.Events.Aggregate(wish, Wish.Evolve);
    }

    [Fact]
    public void A_grid_worker_or_a_host_records_a_wish_and_nobody_else()
    {
        var command = new RecordWish("陪聊", null, "全椒路社区", null, null);
        Wish.Record(command, Reporter, Now).IsAccepted.ShouldBeTrue();
        Wish.Record(command, Host, Now).IsAccepted.ShouldBeTrue();
        Wish.Record(command, Self, Now).Rejection.ShouldBeOfType<Forbidden>();
        Wish.Record(command, Leader, Now).Rejection.ShouldBeOfType<Forbidden>();
        FieldErrors(Wish.Record(new RecordWish("", null, null, 0, null), Host, Now)).Keys.ShouldBe(["title", "community", "grid"], ignoreOrder: true);
    }

    [Fact]
    public void A_volunteer_claims_for_themself_and_a_leader_for_their_team()
    {
        var self = Registered();
        Recorded().Claim(new ClaimWish(self.Id, null), self, false, Self, Now).IsAccepted.ShouldBeTrue();
        Recorded().Claim(new ClaimWish(self.Id, null), self, false, OtherVolunteer, Now).Rejection.ShouldBeOfType<Forbidden>();
        Recorded().Claim(new ClaimWish(self.Id, null), self, false, Host, Now).IsAccepted.ShouldBeTrue();
        Recorded().Claim(new ClaimWish(null, Team), null, true, Leader, Now).IsAccepted.ShouldBeTrue();
        Recorded().Claim(new ClaimWish(null, Team), null, true, OtherLeader, Now).Rejection.ShouldBeOfType<Forbidden>();
        FieldErrors(Recorded().Claim(new ClaimWish(self.Id, Team), self, true, Host, Now)).Keys.ShouldBe(["volunteerId"]);
        FieldErrors(Recorded().Claim(new ClaimWish(Guid.NewGuid(), null), null, true, Host, Now)).Keys.ShouldBe(["volunteerId"]);

        var claimed = Step(Recorded(), Recorded().Claim(new ClaimWish(null, Team), null, true, Leader, Now));
        claimed.Claim(new ClaimWish(null, Team), null, true, Leader, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void Only_the_claimant_fulfils_and_a_team_names_its_members()
    {
        var self = Registered();
        var byVolunteer = Step(Recorded(), Recorded().Claim(new ClaimWish(self.Id, null), self, false, Self, Now));
        byVolunteer.Fulfil(new FulfilWish("已上门陪伴", null), [], OtherVolunteer, Now).Rejection.ShouldBeOfType<Forbidden>();
        byVolunteer.Fulfil(new FulfilWish("已上门陪伴", null), [], Self, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<WishFulfilled>().Fulfillers.ShouldBe([self.Id]);
        FieldErrors(byVolunteer.Fulfil(new FulfilWish(" ", null), [], Self, Now)).Keys.ShouldBe(["note"]);

        var member = InTeam();
        var outsider = Registered();
        var byTeam = Step(Recorded(), Recorded().Claim(new ClaimWish(null, Team), null, true, Leader, Now));
        byTeam.Fulfil(new FulfilWish("已完成", [member.Id]), [member], Leader, Now).IsAccepted.ShouldBeTrue();
        byTeam.Fulfil(new FulfilWish("已完成", [member.Id]), [member], OtherLeader, Now).Rejection.ShouldBeOfType<Forbidden>();
        FieldErrors(byTeam.Fulfil(new FulfilWish("已完成", [outsider.Id]), [outsider], Leader, Now)).Keys.ShouldBe(["volunteerIds"]);
        FieldErrors(byTeam.Fulfil(new FulfilWish("已完成", []), [], Leader, Now)).Keys.ShouldBe(["volunteerIds"]);
        Recorded().Fulfil(new FulfilWish("已完成", []), [], Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void The_recorder_confirms_and_each_fulfiller_gets_the_wishs_points()
    {
        var self = Registered();
        var wish = Recorded();
        wish = Step(wish, wish.Claim(new ClaimWish(self.Id, null), self, false, Self, Now));
        wish.Confirm(Rule, Reporter, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        wish = Step(wish, wish.Fulfil(new FulfilWish("已上门陪伴", null), [], Self, Now));

        wish.Confirm(Rule, Self, Now).Rejection.ShouldBeOfType<Forbidden>();
        new Wish(wish.Id, wish.Status, "someone-else") { Fulfillers = wish.Fulfillers }.Confirm(Rule, Reporter, Now).Rejection.ShouldBeOfType<Forbidden>();
        var credit = wish.Confirm(Rule, Reporter, Now);

        credit.ForSubject.Events.ShouldHaveSingleItem().ShouldBeOfType<WishConfirmed>();
        var (volunteer, awarded) = credit.ForVolunteers.ShouldHaveSingleItem();
        volunteer.ShouldBe(self.Id);
        Volunteer.Evolve(self, awarded).Points.ShouldBe(Rule.PointsPerWish);
        Step(wish, credit.ForSubject).Confirm(Rule, Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }
}
