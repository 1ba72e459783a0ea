using IssueTracker.Domain.Issues;
using IssueTracker.Host.Demo;
using JasperFx.CommandLine;

namespace IssueTracker.Host.Cli;

public sealed class SeedInput : NetCoreInput
{
    [Description("The street (tenant) to fill")]
    public string StreetFlag { get; set; } = Streets.Default;

    [Description("The service's address, for the printed board link (default: ASPNETCORE_URLS or http://localhost:5000)")]
    public string? UrlFlag { get; set; }
}

[Description("Fills the street with the demo data of 明光路街道 (idempotent) and prints the board's address", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Console.WriteLine($"Directory: {await DemoDirectory.SeedAsync(store, input.StreetFlag, now)} organisations added.");
        var added = await DemoSeeder.SeedAsync(store, input.StreetFlag, now, Console.WriteLine,
            host.Services.GetService<DeadlinePolicy>());
        Console.WriteLine(added == 0
            ? $"The demo street '{input.StreetFlag}' is already in place."
            : $"Added {added} demo issues to '{input.StreetFlag}'. The async daemon projects them onto the board when the service runs.");
        var volunteering = await VolunteerSeeder.SeedAsync(store, input.StreetFlag, now, Console.WriteLine);
        if (volunteering > 0) Console.WriteLine($"Added {volunteering} volunteer service records (volunteers, rewards, wishes, ledgers) to '{input.StreetFlag}'.");

        var auth = host.Services.GetRequiredService<AuthOptions>();
        var url = input.UrlFlag ?? host.Services.GetRequiredService<IConfiguration>()["urls"]?.Split(';')[0] ?? "http://localhost:5000";
        if (auth.SigningKey is not { Length: >= 32 })
        {
            Console.WriteLine($"Board: {url.TrimEnd('/')}/board#token=<a token of your identity provider>");
            return true;
        }
        // A "viewer" token: signed in, so it may read the boards, but no role allows it any command.
        var token = DevTokens.Create(auth, "board-screen", "大屏", "viewer", input.StreetFlag, lifetime: TimeSpan.FromDays(30));
        Console.WriteLine($"Board: {url.TrimEnd('/')}/board#token={token}");
        return true;
    }
}
