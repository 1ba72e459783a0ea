using System.Diagnostics;
using System.Net;

namespace IssueTracker.Host.Tests.Cli;

[Collection(AppCollection.Name)]
public class TokenCommandTests(AppFixture app)
{
    private const string ReadmeRaise =
        """{"title":"明光小区地锁占道","category":"parking","location":{"community":"明光社区","compound":"明光小区","grid":12}}""";

    [Fact]
    public async Task With_no_database_configured_the_token_command_prints_only_a_token_that_the_api_accepts()
    {
        var street = app.NewStreet();

        var (exitCode, stdout, stderr) = await RunToken(AppFixture.SigningKey, "token", "--role", "host", "--name", "李主任", "--street", street.Id);

        exitCode.ShouldBe(0, stderr);
        stderr.ShouldNotContain("Exception");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = lines.ShouldHaveSingleItem().Trim();
        token.Split('.').Length.ShouldBe(3);
        (await new Client(app, token).Post("/api/issues", ReadmeRaise)).ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_a_signing_key_the_command_fails_with_a_message_and_prints_no_token()
    {
        var (exitCode, stdout, stderr) = await RunToken(signingKey: null, "token", "--role", "host");

        exitCode.ShouldNotBe(0);
        stdout.Trim().ShouldBeEmpty();
        stderr.ShouldContain("Auth:SigningKey");
    }

    /// <summary>The built host's command line in a shell with no ConnectionStrings__Marten at all.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToken(string? signingKey, params string[] arguments)
    {
        var dll = VerifyCommandTests.HostDll;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true
        };
        start.Environment.Remove("ConnectionStrings__Marten");
        // Production: no development key from appsettings.Development.json, so the test decides which key signs.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Auth__Issuer"] = "issuetracker-tests";
        if (signingKey is not null) start.Environment["Auth__SigningKey"] = signingKey;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
