namespace IssueTracker.Domain.Volunteers;

/// <summary>How service turns into points (Volunteers:PointsPerHour, Volunteers:PointsPerWish).</summary>
public sealed record PointsRule(int PointsPerHour = 10, int PointsPerWish = 20)
{
    public const decimal MinHours = 0.5m;
    public const decimal MaxHours = 12m;

    public static bool AreValidHours(decimal? hours) => hours is >= MinHours and <= MaxHours;

    public int ForHours(decimal hours) => (int)Math.Round(hours * PointsPerHour, MidpointRounding.AwayFromZero);
}
