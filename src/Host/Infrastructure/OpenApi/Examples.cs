namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>Values the endpoints' request examples share (明光路街道's own cases).</summary>
public static class Examples
{
    public static readonly Guid SomeIssue = Guid.Parse("0195f3a2-7c41-7d2e-9a10-3b5c6d7e8f90");
    public static readonly DateTimeOffset Friday = new(2026, 12, 4, 17, 0, 0, TimeSpan.FromHours(8));
}
