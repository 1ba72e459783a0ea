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

/// <summary>
/// Signing needs only the Auth settings: the command reads the configuration the host would read and never builds the
/// host, so it works with no database, and stdout carries the token alone (a shell captures it with $(…)).
/// </summary>
[Description("Prints a development JWT signed with Auth:SigningKey (no database needed)", Name = "token")]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public static bool IsRequested(string[] args) => args is [var first, ..] && first.Equals("token", StringComparison.OrdinalIgnoreCase);

    public static Task<int> RunAlone(string[] args) =>
        CommandExecutor.For(commands => commands.RegisterCommand<TokenCommand>()).ExecuteAsync(args);

    public override bool Execute(TokenInput input)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = input.EnvironmentFlag, Args = []
        });
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        if (auth.SigningKey is not { Length: >= 32 })
        {
            Console.Error.WriteLine("Auth:SigningKey is not set to at least 32 characters (it is set in Development only; " +
                                    "set Auth__SigningKey or run with --environment Development).");
            return false;
        }
        var subject = input.SubFlag ?? $"{input.RoleFlag}:{input.NameFlag}";
        Console.Error.WriteLine($"A {input.HoursFlag} h token for {subject} ({input.RoleFlag}) in street '{input.StreetFlag}':");
        Console.Out.WriteLine(DevTokens.Create(auth, subject, input.NameFlag, input.RoleFlag, input.StreetFlag, input.OrgFlag,
            TimeSpan.FromHours(input.HoursFlag)));
        return true;
    }
}
