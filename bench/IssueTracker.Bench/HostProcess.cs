using System.Diagnostics;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Bench;

/// <summary>
/// The host as a process of its own, so that its memory is measured without the load generator's: the built
/// IssueTracker.Host.dll beside this program in Development (like <see cref="BenchHost"/>, code generated at run time),
/// or the <see cref="ProductionBuild"/> in Production with a signing key generated for this run (Production refuses
/// the repository's keys) and the schema the in-process host has created.
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

    public static Task<HostProcess> DevelopmentAsync(string connectionString, AuthOptions auth) =>
        StartAsync(Path.Combine(AppContext.BaseDirectory, "IssueTracker.Host.dll"), "Development", connectionString, auth);

    public static Task<HostProcess> ProductionAsync(string publishDirectory, string connectionString, AuthOptions auth)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var production = new AuthOptions { SigningKey = key, Issuer = auth.Issuer, Audience = auth.Audience, Claims = auth.Claims };
        return StartAsync(Path.Combine(publishDirectory, "IssueTracker.Host.dll"), "Production", connectionString, production);
    }

    private static async Task<HostProcess> StartAsync(string dll, string environment, string connectionString, AuthOptions auth)
    {
        var contentRoot = Directory.CreateTempSubdirectory("issuetracker-bench-host-").FullName;
        File.Copy(Path.Combine(Repo.Root, "src", "Host", "appsettings.json"), Path.Combine(contentRoot, "appsettings.json"));
        var address = new Uri($"http://127.0.0.1:{BenchHost.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment, ["ASPNETCORE_CONTENTROOT"] = contentRoot,
                ["ASPNETCORE_URLS"] = address.ToString(), ["ConnectionStrings__Marten"] = connectionString,
                ["Auth__SigningKey"] = auth.SigningKey
            }
        };
        // To try runtime settings on the host alone, e.g. BENCH_HOST_DOTNET_gcServer=0.
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("BENCH_HOST_")))
            start.Environment[key["BENCH_HOST_".Length..]] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Progress.Say($"{environment} host process: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, auth, contentRoot, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The {environment} host process exited with {process.ExitCode}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (waited.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"The {environment} host process did not get ready");
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
