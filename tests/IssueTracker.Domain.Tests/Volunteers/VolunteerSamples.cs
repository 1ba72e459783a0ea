using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;

namespace IssueTracker.Domain.Tests.Volunteers;

public static class VolunteerSamples
{
    public const string Team = "hongli-classroom";
    public const string OtherTeam = "wuhuaping-sunshine";

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Today = new(2026, 12, 1);
    public static readonly PointsRule Rule = new();

    public static readonly Actor Host = new("host-li", "李主任", Roles.Host, null);
    public static readonly Actor Self = new("vol-wu", "吴化平", VolunteerRoles.Volunteer, null);
    public static readonly Actor OtherVolunteer = new("vol-zhou", "周阿姨", VolunteerRoles.Volunteer, null);
    public static readonly Actor Leader = new("lead-hong", "洪立周", VolunteerRoles.TeamLeader, Team);
    public static readonly Actor OtherLeader = new("lead-wu", "吴化平", VolunteerRoles.TeamLeader, OtherTeam);
    public static readonly Actor Reporter = new("grid-12", "网格员小陈", Roles.Reporter, null);

    public static Volunteer Registered(Actor? by = null) =>
        Volunteer.Create(Guid.NewGuid(), (VolunteerRegistered)Volunteer.Register(
            new RegisterVolunteer("吴化平", "13900000000", ["理发"], "全椒路社区"), by ?? Self, Now).Events[0]);

    public static Volunteer InTeam(string team = Team) => Apply(Registered(), Registered().JoinTeam(new JoinTeam(team), true, Self, Now));

    public static Volunteer WithPoints(int points) => Registered() with { Points = points };

    public static Reward RewardOf(int cost, int stock) => new(Guid.NewGuid(), "爱心理发券", cost, stock);

    public static Volunteer Apply(Volunteer volunteer, Decision decision)
    {
        decision.IsAccepted.ShouldBeTrue(decision.Rejection?.Detail);
        return decision.Events.Aggregate(volunteer, Volunteer.Evolve);
    }

    public static IReadOnlyDictionary<string, string[]> FieldErrors(Decision decision) =>
        decision.Rejection.ShouldBeOfType<InvalidInput>().Errors;
}
