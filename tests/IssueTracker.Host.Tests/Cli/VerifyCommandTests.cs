using System.Diagnostics;
using IssueTracker.Host.Audit;
using IssueTracker.Host.Tests.Audit;

namespace IssueTracker.Host.Tests.Cli;

[Collection(AppCollection.Name)]
public class VerifyCommandTests(AppFixture app)
{
    [Fact]
    public async Task The_verify_command_names_the_tampered_stream_and_exits_non_zero()
    {
        var street = app.NewStreet();
        var untouched = await street.Raise();
        var tampered = await street.Raise(Bodies.LeakingBuilding());
        await AuditScenario.Sql("""
            update mt_events set data = jsonb_set(data, '{title}', '"矿机二村老楼已修好"') where stream_id = $1 and version = 1
            """, tampered);

        var (exitCode, output) = await RunHost("verify", "--street", street.Id);

        exitCode.ShouldNotBe(0, output);
        output.ShouldContain($"stream {tampered}");
        output.ShouldContain("version 1:");
        output.ShouldNotContain(untouched.ToString());
        output.ShouldContain("1 of 2 streams");
    }

    [Fact]
    public async Task The_verify_command_exits_zero_when_every_stream_is_intact()
    {
        var street = app.NewStreet();
        await AuditScenario.LongLife(street);
        await street.Raise();

        var (exitCode, output) = await RunHost("verify", "--street", street.Id);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("All 2 streams (14 events) verified valid");
        output.ShouldContain("2/2 streams checked, 0 invalid");
    }

    [Fact]
    public async Task Verifying_the_whole_store_covers_every_street()
    {
        var street = app.NewStreet();
        var tampered = await street.Raise();
        await AuditScenario.Sql("delete from mt_events where stream_id = $1", tampered);
        var output = new StringWriter();

        var summary = await StoreVerification.RunAsync(app.Store, null, output, CancellationToken.None);

        summary.AllValid.ShouldBeFalse();
        var broken = summary.Broken.Where(b => b.StreamId == tampered).ShouldHaveSingleItem();
        broken.TenantId.ShouldBe(street.Id);
        broken.Report.FirstInvalidVersion.ShouldBe(1);
        output.ToString().ShouldContain($"{summary.Streams}/{summary.Streams} streams checked");
    }

    /// <summary>The host as built in its own project (the copy beside the tests resolves the tests' dependencies).</summary>
    internal static string HostDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "IssueTracker.sln"))) root = root.Parent!;
            return Path.Combine(root.FullName, "src", "Host", "bin", configuration, "net10.0", "IssueTracker.Host.dll");
        }
    }

    /// <summary>Runs the built host's command line, as `dotnet run --project src/Host -- ...` would, on the test database.</summary>
    internal static async Task<(int ExitCode, string Output)> RunHost(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Marten"] = AppFixture.ConnectionString,
                ["Auth__SigningKey"] = AppFixture.SigningKey
            }
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(HostDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
