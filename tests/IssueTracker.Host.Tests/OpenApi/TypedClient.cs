using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace IssueTracker.Host.Tests.OpenApi;

/// <summary>
/// The committed npm project tests/typed-client: installs its locked packages (npm ci), generates the TypeScript types
/// from a running host's document with openapi-typescript, compiles the client scripts with tsc --strict and runs them
/// with Node (scripts/test.sh puts Node 24 on PATH).
/// </summary>
public static class TypedClient
{
    public static readonly string Folder = Path.Combine(Repository(), "tests", "typed-client");
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Node => Tools.Find("node") ?? throw new InvalidOperationException("node is not on PATH: run the tests with scripts/test.sh.");

    /// <summary>npm ci when the lock changed since the last install, then the types from <paramref name="host"/>'s document, compiled.</summary>
    public static async Task BuildAgainst(Uri host)
    {
        await Gate.WaitAsync();
        try
        {
            await Install();
            // generated/ is not committed: a fresh clone has none yet.
            Directory.CreateDirectory(Path.Combine(Folder, "generated"));
            File.Delete(Path.Combine(Folder, "generated", "api.d.ts"));
            await Succeeds(Node, [Bin("openapi-typescript/bin/cli.js"), new Uri(host, "/openapi/v1.json").ToString(), "-o", "generated/api.d.ts"], 2);
            if (Directory.Exists(Path.Combine(Folder, "dist"))) Directory.Delete(Path.Combine(Folder, "dist"), recursive: true);
            await Succeeds(Node, [Bin("typescript/bin/tsc"), "--strict", "-p", "."], 3);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Compiles one more file beside the scripts (in generated/, which is not committed); the compiler's exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> Compile(string fileName, string source)
    {
        var file = Path.Combine(Folder, "generated", fileName);
        await File.WriteAllTextAsync(file, source);
        try
        {
            return await Tools.Run(Node, [Bin("typescript/bin/tsc"), "--noEmit", "--strict", "--target", "es2023", "--module", "nodenext",
                "--moduleResolution", "nodenext", "--types", "node", file], Folder, TimeSpan.FromMinutes(3));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs a compiled script (src/<paramref name="script"/>.ts) against <paramref name="api"/> with the street's tokens; its JSON line.</summary>
    public static async Task<JsonElement> Run(string script, Uri api, Street street)
    {
        var tokens = JsonSerializer.Serialize(new
        {
            host = street.Host.Token, reporter = street.Reporter.Token, assignee = street.Assignee.Token, auditor = street.Auditor.Token
        });
        var (exit, output) = await Tools.Run(Node, [$"dist/src/{script}.js"], Folder, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["API_URL"] = api.ToString().TrimEnd('/'), ["API_TOKENS"] = tokens });
        exit.ShouldBe(0, output);
        var line = output.Split('\n').Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    public static string Bin(string relative) => Path.Combine(Folder, "node_modules", relative);

    private static async Task Install()
    {
        var lockFile = Path.Combine(Folder, "package-lock.json");
        var installed = Path.Combine(Folder, "node_modules", ".issuetracker-lock");
        if (File.Exists(installed) && (await File.ReadAllTextAsync(installed)) == await File.ReadAllTextAsync(lockFile)) return;
        var npm = Tools.Find("npm") ?? throw new InvalidOperationException("npm is not on PATH: run the tests with scripts/test.sh.");
        await Succeeds(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], 10);
        File.Copy(lockFile, installed, overwrite: true);
    }

    private static async Task Succeeds(string file, string[] arguments, int minutes)
    {
        var (exit, output) = await Tools.Run(file, arguments, Folder, TimeSpan.FromMinutes(minutes));
        exit.ShouldBe(0, $"{Path.GetFileName(file)} {string.Join(' ', arguments)}:\n{output}");
    }

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IssueTracker.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The tests run inside the repository.");
    }
}

/// <summary>Stoplight Prism's validating proxy (prism proxy --errors) on 127.0.0.1 in front of a host, started from the npm project.</summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PrismProxy(string document, Uri upstream)
    {
        Address = new Uri($"http://127.0.0.1:{Reliability.Faults.HostProcess.FreePort()}");
        var start = new ProcessStartInfo(TypedClient.Node)
        {
            WorkingDirectory = TypedClient.Folder, RedirectStandardOutput = true, RedirectStandardError = true
        };
        foreach (var argument in new[] { TypedClient.Bin("@stoplight/prism-cli/dist/index.js"), "proxy", "--errors", "-h", "127.0.0.1",
                     "-p", Address.Port.ToString(), document, upstream.ToString().TrimEnd('/') })
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<PrismProxy> Start(string document, Uri upstream)
    {
        var proxy = new PrismProxy(document, upstream);
        var started = await Task.WhenAny(proxy._listening.Task, proxy._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (started != proxy._listening.Task)
        {
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"Prism did not start listening within 2 minutes:\n{proxy.Log}");
        }
        return proxy;
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
        if (line.Contains("Prism is listening", StringComparison.Ordinal)) _listening.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
