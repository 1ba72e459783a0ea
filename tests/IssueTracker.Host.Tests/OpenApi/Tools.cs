using System.Diagnostics;

namespace IssueTracker.Host.Tests.OpenApi;

/// <summary>Runs an external tool (node, chromium). Missing tools fail the test in CI and let it pass quietly elsewhere.</summary>
public static class Tools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>The tool's path; null when it is missing outside CI (the caller then returns early).</summary>
    public static string? Require(string name)
    {
        var path = Find(name);
        if (path is null && InCi) throw new InvalidOperationException($"{name} is not installed; scripts/test.sh installs it.");
        return path;
    }

    public static async Task<(int ExitCode, string Output)> Run(string file, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}: {await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
