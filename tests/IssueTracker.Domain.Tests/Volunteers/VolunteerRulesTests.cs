using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using static IssueTracker.Domain.Tests.Volunteers.VolunteerSamples;

namespace IssueTracker.Domain.Tests.Volunteers;

public class VolunteerRulesTests
{
    [Fact]
    public void A_volunteer_registers_themself_tied_to_their_account_and_a_host_registers_anyone()
    {
        var self = Volunteer.Register(new RegisterVolunteer(" 吴化平 ", "139", [" 理发 ", "理发"], "全椒路社区"), Self, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<VolunteerRegistered>();
        (self.Name, self.Account, self.Skills.Count).ShouldBe(("吴化平", "vol-wu", 1));

        Volunteer.Register(new RegisterVolunteer("周阿姨", null, null, "全椒路社区"), Host, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<VolunteerRegistered>().Account.ShouldBeNull();
        Volunteer.Register(new RegisterVolunteer("周阿姨", null, null, "全椒路社区"), Reporter, Now).Rejection.ShouldBeOfType<Forbidden>();
        Volunteer.Register(new RegisterVolunteer("周阿姨", null, null, "全椒路社区"), Leader, Now).Rejection.ShouldBeOfType<Forbidden>();
    }

    [Fact]
    public void Registration_needs_a_name_and_a_community()
    {
        FieldErrors(Volunteer.Register(new RegisterVolunteer(" ", null, ["", new string('x', 101)], null), Host, Now))
            .Keys.ShouldBe(["name", "community", "skills"], ignoreOrder: true);
    }

    [Fact]
    public void The_volunteer_a_host_or_the_teams_leader_puts_a_volunteer_in_a_team_once()
    {
        var volunteer = Registered();
        volunteer.JoinTeam(new JoinTeam(Team), true, Self, Now).IsAccepted.ShouldBeTrue();
        volunteer.JoinTeam(new JoinTeam(Team), true, Host, Now).IsAccepted.ShouldBeTrue();
        volunteer.JoinTeam(new JoinTeam(Team), true, Leader, Now).IsAccepted.ShouldBeTrue();
        volunteer.JoinTeam(new JoinTeam(Team), true, OtherLeader, Now).Rejection.ShouldBeOfType<Forbidden>();
        volunteer.JoinTeam(new JoinTeam(Team), true, OtherVolunteer, Now).Rejection.ShouldBeOfType<Forbidden>();

        var member = Apply(volunteer, volunteer.JoinTeam(new JoinTeam(Team), true, Self, Now));
        member.Teams.ShouldBe([Team]);
        member.JoinTeam(new JoinTeam(Team), true, Self, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void A_team_must_be_a_known_slug()
    {
        FieldErrors(Registered().JoinTeam(new JoinTeam("Not A Slug"), true, Host, Now)).Keys.ShouldBe(["teamId"]);
        FieldErrors(Registered().JoinTeam(new JoinTeam(null), true, Host, Now)).Keys.ShouldBe(["teamId"]);
        FieldErrors(Registered().JoinTeam(new JoinTeam("no-such-team"), false, Host, Now)).Keys.ShouldBe(["teamId"]);
    }

    [Fact]
    public void Leaving_needs_membership()
    {
        var member = InTeam();
        Registered().LeaveTeam(Team, Self, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        member.LeaveTeam(Team, OtherVolunteer, Now).Rejection.ShouldBeOfType<Forbidden>();
        Apply(member, member.LeaveTeam(Team, Leader, Now)).Teams.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0.5, 5)]
    [InlineData(2.5, 25)]
    [InlineData(12, 120)]
    public void Service_earns_points_per_hour(double hours, int points)
    {
        var recorded = InTeam().RecordService(new RecordService("老年食堂送餐", (decimal)hours, Today), Rule, Leader, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ServiceRecorded>();
        recorded.Points.ShouldBe(points);
        new PointsRule(PointsPerHour: 4).ForHours((decimal)hours).ShouldBe((int)Math.Round(hours * 4, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(12.5)]
    public void Hours_per_record_are_between_half_an_hour_and_twelve(double hours)
    {
        FieldErrors(InTeam().RecordService(new RecordService("送餐", (decimal)hours, Today), Rule, Host, Now)).Keys.ShouldBe(["hours"]);
    }

    [Fact]
    public void Only_a_host_or_a_leader_of_one_of_the_volunteers_teams_records_service()
    {
        var command = new RecordService("送餐", 1, Today);
        InTeam().RecordService(command, Rule, Host, Now).IsAccepted.ShouldBeTrue();
        InTeam().RecordService(command, Rule, Leader, Now).IsAccepted.ShouldBeTrue();
        InTeam().RecordService(command, Rule, OtherLeader, Now).Rejection.ShouldBeOfType<Forbidden>();
        InTeam().RecordService(command, Rule, Self, Now).Rejection.ShouldBeOfType<Forbidden>();
        FieldErrors(InTeam().RecordService(command with { ServedOn = Today.AddDays(3) }, Rule, Host, Now)).Keys.ShouldBe(["servedOn"]);
    }

    [Fact]
    public void A_correction_restates_the_hours_and_the_points_follow()
    {
        var volunteer = InTeam();
        volunteer = Apply(volunteer, volunteer.RecordService(new RecordService("送餐", 3, Today), Rule, Host, Now));
        var record = volunteer.Records.Keys.Single();

        var corrected = Apply(volunteer, volunteer.CorrectService(record, new CorrectService(2, "实际两小时"), Rule, Host, Now));

        (corrected.Hours, corrected.Points).ShouldBe((2m, 20));
        FieldErrors(volunteer.CorrectService(Guid.NewGuid(), new CorrectService(2, "x"), Rule, Host, Now)).Keys.ShouldBe(["recordId"]);
        FieldErrors(volunteer.CorrectService(record, new CorrectService(13, ""), Rule, Host, Now)).Keys.ShouldBe(["hours", "reason"], ignoreOrder: true);
        volunteer.CorrectService(record, new CorrectService(2, "x"), Rule, Self, Now).Rejection.ShouldBeOfType<Forbidden>();
    }

    [Fact]
    public void A_correction_cannot_take_back_points_already_spent()
    {
        var volunteer = InTeam();
        volunteer = Apply(volunteer, volunteer.RecordService(new RecordService("送餐", 3, Today), Rule, Host, Now));
        var spent = volunteer with { Points = 5 };

        spent.CorrectService(volunteer.Records.Keys.Single(), new CorrectService(1, "登记有误"), Rule, Host, Now)
            .Rejection.ShouldBeOfType<RuleConflict>().Code.ShouldBe(Redemption.InsufficientPointsCode);
    }
}
