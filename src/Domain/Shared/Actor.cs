namespace IssueTracker.Domain.Shared;

/// <summary>Who did something: carried by every event so the record names its author.</summary>
public sealed record Actor(string Id, string Name, string Role, string? Org)
{
    public static readonly Actor System = new("system", "IssueTracker", Roles.System, null);

    public bool IsAny(params string[] roles) => roles.Contains(Role);
}

public static class Roles
{
    public const string Host = "host";
    public const string Reporter = "reporter";
    public const string Assignee = "assignee";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
    public const string System = "system";

    public static readonly string[] All = [Host, Reporter, Assignee, Auditor, Admin];
}
