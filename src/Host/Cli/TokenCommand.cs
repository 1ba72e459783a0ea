using IssueTracker.Host.Infrastructure;
using JasperFx.CommandLine;

namespace IssueTracker.Host.Cli;

public sealed class TokenInput : NetCoreInput
{
    [Description("host | reporter | assignee | auditor | admin")]
    public string RoleFlag { get; set; } = "host";

    [Description("Display name recorded as the actor")]
    public string NameFlag { get; set; } = "李主任";

    [Description("User id (sub); defaults to the role and name")]
    public string? SubFlag { get; set; }

    [Description("Organisation of an assignee, e.g. a property company's id")]
    public string? OrgFlag { get; set; }

    [Description("The street (tenant)")]
    public string StreetFlag { get; set; } = Streets.Default;

    [Description("Lifetime in hours")]
    public int HoursFlag { get; set; } = 8;
}

[Description("Prints a development JWT signed with Auth:SigningKey", Name = "token")]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public override bool Execute(TokenInput input)
    {
        using var host = input.BuildHost();
        var auth = host.Services.GetRequiredService<AuthOptions>();
        var subject = input.SubFlag ?? $"{input.RoleFlag}:{input.NameFlag}";
        Console.WriteLine(DevTokens.Create(auth, subject, input.NameFlag, input.RoleFlag, input.StreetFlag, input.OrgFlag,
            TimeSpan.FromHours(input.HoursFlag)));
        return true;
    }
}
