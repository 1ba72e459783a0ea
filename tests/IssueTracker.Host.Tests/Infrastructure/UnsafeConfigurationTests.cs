using System.Diagnostics;
using System.Text.RegularExpressions;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Tests.Reliability.Faults;

namespace IssueTracker.Host.Tests.Infrastructure;

/// <summary>The built host, started as a process with settings that would let anyone in, refuses to serve.</summary>
public partial class UnsafeConfigurationTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=none;Username=none";
    private static readonly string GoodKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public static TheoryData<string, string?, string?, string> Unsafe => new()
    {
        { "Production", null, null, "Neither Auth:Authority" },
        { "Production", "development-only-signing-key-change-me-0123456789", null, "published in the IssueTracker repository" },
        { "Production", "compose-only-signing-key-change-me-0123456789", null, "published in the IssueTracker repository" },
        { "Production", AppFixture.SigningKey, null, "published in the IssueTracker repository" },
        { "Production", "short-key-0123456789", null, "shorter than 32 bytes" },
        { "Development", "short-key-0123456789", null, "shorter than 32 bytes" },
        { "Development", "", null, "Neither Auth:Authority" },
        { "Production", GoodKey, "false", "RequireHttpsMetadata is off" },
        { "Staging", GoodKey, "false", "RequireHttpsMetadata is off" }
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task The_host_refuses_to_serve_before_listening(string environment, string? key, string? requireHttps, string why)
    {
        var port = HostProcess.FreePort();
        var (exit, output) = await Run(environment, key, requireHttps, "--urls", $"http://127.0.0.1:{port}");

        exit.ShouldNotBe(0, output);
        output.ShouldContain("Refusing to serve with unsafe configuration");
        output.ShouldContain(why);
        output.ShouldNotContain("Now listening");
    }

    [Fact]
    public async Task Command_line_tools_need_no_auth_settings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = await Run("Development", "", null, "openapi", "--output", file);

            exit.ShouldBe(0, output);
            File.Exists(file).ShouldBeTrue(output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_signing_key_written_in_the_repository_is_refused()
    {
        var written = Directory.EnumerateFiles(FaultCluster.Repository, "*", SearchOption.AllDirectories)
            .Where(path => !Regex.IsMatch(path, @"[\\/](\.git|\.local|bin|obj|node_modules)[\\/]"))
            .Where(path => Path.GetExtension(path) is ".cs" or ".json" or ".yml" or ".yaml" or ".md" or ".sh" or ".ts" or ".js" or "")
            .SelectMany(path => SigningKeyLiteral().Matches(File.ReadAllText(path)).Select(m => m.Value))
            .ToHashSet();

        written.ShouldNotBeEmpty();
        foreach (var key in written) UnsafeConfigurationGuard.PublishedKeys.ShouldContain(key);
    }

    private static async Task<(int Exit, string Output)> Run(string environment, string? key, string? requireHttps, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(HostProcess.Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        start.ArgumentList.Add(HostProcess.Dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Auth__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ConnectionStrings__Marten"] = Unreachable;
        if (key is not null) start.Environment["Auth__SigningKey"] = key;
        if (requireHttps is not null)
        {
            start.Environment["Auth__RequireHttpsMetadata"] = requireHttps;
            start.Environment["Auth__Authority"] = "http://127.0.0.1:1/realms/street";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The host kept running: " + await output);
        }
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"[a-z]+-only-signing-key[A-Za-z0-9-]*")]
    private static partial Regex SigningKeyLiteral();
}
