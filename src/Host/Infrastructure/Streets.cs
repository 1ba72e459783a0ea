namespace IssueTracker.Host.Infrastructure;

public static class Streets
{
    /// <summary>明光路街道, the street the service was first built for; the tenant id of the demo data.</summary>
    public const string Default = "mingguanglu";
}
