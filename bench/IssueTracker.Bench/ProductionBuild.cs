using System.Diagnostics;

namespace IssueTracker.Bench;

public sealed record ProductionBuildResult(string Key, bool Cached, double Seconds, string Directory);

/// <summary>
/// The host as Production runs it: <c>codegen write</c> output compiled in (TypeLoadMode.Static, no Roslyn), published
/// in Release. Built in a copy of the sources under this project's obj/, never in the source tree, and kept there keyed
/// by the git tree hash of those sources (uncommitted changes included), so a second run with the same code reuses it.
/// </summary>
public static class ProductionBuild
{
    private static readonly string[] Sources = ["src/Domain", "src/Projections", "src/Host", "Directory.Build.props", "Directory.Packages.props", "global.json"];
    private static readonly string Cache = Path.Combine(Repo.Root, "bench", "IssueTracker.Bench", "obj", "production-host");

    public static async Task<ProductionBuildResult> EnsureAsync()
    {
        var clock = Stopwatch.StartNew();
        var key = await TreeHashAsync();
        var publish = Path.Combine(Cache, key, "publish");
        if (File.Exists(Path.Combine(publish, "IssueTracker.Host.dll")))
            return new ProductionBuildResult(key, true, Math.Round(clock.Elapsed.TotalSeconds, 1), publish);

        if (Directory.Exists(Cache)) Directory.Delete(Cache, recursive: true); // one build kept: the current sources'
        var copy = Path.Combine(Cache, key, "src");
        foreach (var file in (await GitAsync(null, ["ls-files", "--cached", "--others", "--exclude-standard", "--", .. Sources]))
                 .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(Repo.Root, f))))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Repo.Root, file), target);
        }
        Progress.Say($"production host: building {key[..12]} in {copy} (codegen write, publish)");
        var project = Path.Combine(copy, "src", "Host", "IssueTracker.Host.csproj");
        // Writing the generated code needs the configuration to be complete, not a reachable database (as the Dockerfile).
        var unused = new Dictionary<string, string> { ["ConnectionStrings__Marten"] = "Host=unused;Database=unused" };
        await DotnetAsync(copy, [], "build", project, "-c", "Release", "-nodeReuse:false");
        await DotnetAsync(copy, unused, "run", "--project", project, "-c", "Release", "--no-build", "--", "codegen", "write");
        await DotnetAsync(copy, [], "publish", project, "-c", "Release", "-o", publish, "-nodeReuse:false");
        Directory.Delete(copy, recursive: true);
        return new ProductionBuildResult(key, false, Math.Round(clock.Elapsed.TotalSeconds, 1), publish);
    }

    /// <summary>The tree the sources would have if committed now, through a scratch index (the real one is untouched).</summary>
    private static async Task<string> TreeHashAsync()
    {
        var index = Path.Combine(Path.GetTempPath(), $"issuetracker-bench-index-{Guid.NewGuid():N}");
        try
        {
            var env = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
            await GitAsync(env, ["add", "--all", "--", .. Sources]);
            return (await GitAsync(env, ["write-tree"])).Trim();
        }
        finally
        {
            File.Delete(index);
        }
    }

    private static Task<string> GitAsync(Dictionary<string, string>? env, string[] args) => RunAsync("git", Repo.Root, env ?? [], args, quiet: true);

    private static Task<string> DotnetAsync(string directory, Dictionary<string, string> env, params string[] args) =>
        RunAsync("dotnet", directory, env, args, quiet: false);

    private static async Task<string> RunAsync(string file, string directory, Dictionary<string, string> env, string[] args, bool quiet)
    {
        var start = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true
        };
        foreach (var (name, value) in env) start.Environment[name] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took more than 15 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        if (!quiet) Progress.Say($"production host: {file} {args[0]} done");
        return await output;
    }
}
