using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record RedeemReward(Guid? VolunteerId);

/// <summary>
/// A redemption spends the volunteer's points and one of the reward's stock: the events for both streams, accepted
/// together or rejected together. Decided on the two streams as read for writing, so that neither can go below zero.
/// </summary>
public sealed record Redemption(Decision ForVolunteer, Decision ForReward)
{
    public const string InsufficientPointsCode = "insufficient-points";
    public const string OutOfStockCode = "out-of-stock";

    public Rejection? Rejection => ForVolunteer.Rejection ?? ForReward.Rejection;

    public static Redemption Decide(Volunteer volunteer, Reward reward, Actor by, DateTimeOffset now)
    {
        if (!volunteer.IsActedOnBySelf(by) && !by.IsStaff())
            return new Forbidden("Only the volunteer themself or a host redeems their points.");
        if (reward.Stock < 1) return new RuleConflict(OutOfStockCode, "Out of stock", $"'{reward.Name}' is out of stock.");
        if (volunteer.Points < reward.Cost)
            return InsufficientPoints($"'{reward.Name}' costs {reward.Cost} points; the volunteer has {volunteer.Points}.");
        return new Redemption(
            Decision.Accept(new PointsRedeemed(reward.Id, reward.Name, reward.Cost, by, now)),
            Decision.Accept(new RewardHandedOut(volunteer.Id, by, now)));
    }

    public static RuleConflict InsufficientPoints(string why) => new(InsufficientPointsCode, "Not enough points", why);

    public static implicit operator Redemption(Rejection rejection) => new(Decision.Reject(rejection), Decision.Reject(rejection));
}
