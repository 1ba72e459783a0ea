using System.Diagnostics;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Bench;

/// <summary>
/// The built host (IssueTracker.Host.dll beside this program) as a process of its own, in the Development
/// environment like <see cref="BenchHost"/>, so that its memory is measured without the load generator's.
/// </summary>
public sealed class HostProcess : IHttpTarget, IAsyncDisposable
{
    private readonly Process _process;
    private readonly AuthOptions _auth;
    private readonly string _contentRoot;

    private HostProcess(Process process, AuthOptions auth, string contentRoot, Uri address)
    {
        _process = process;
        _auth = auth;
        _contentRoot = contentRoot;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HostProcess> StartAsync(string connectionString, AuthOptions auth)
    {
        var contentRoot = Directory.CreateTempSubdirectory("issuetracker-bench-host-").FullName;
        File.Copy(Path.Combine(Repo.Root, "src", "Host", "appsettings.json"), Path.Combine(contentRoot, "appsettings.json"));
        var address = new Uri($"http://127.0.0.1:{BenchHost.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IssueTracker.Host.dll")])
        {
            WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ASPNETCORE_CONTENTROOT"] = contentRoot,
                ["ASPNETCORE_URLS"] = address.ToString(), ["ConnectionStrings__Marten"] = connectionString,
                ["Auth__SigningKey"] = BenchHost.SigningKey
            }
        };
        // To try runtime settings on the host alone, e.g. BENCH_HOST_DOTNET_gcServer=0.
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("BENCH_HOST_")))
            start.Environment[key["BENCH_HOST_".Length..]] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Progress.Say($"host process: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, auth, contentRoot, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host process exited with {process.ExitCode}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The host process did not get ready");
            await Task.Delay(200);
        }
    }

    public string Token(string street, string role, string name, string? org = null) => IHttpTarget.Token(_auth, street, role, name, org);

    public HttpClient Client(string token) => IHttpTarget.Client(Address, token);

    public double PeakMb() => Memory.Read(_process.Id, "VmHWM:");
    public double CurrentMb() => Memory.Read(_process.Id, "VmRSS:");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_contentRoot, recursive: true); }
        catch (IOException) { }
    }
}
