using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IssueTracker.Host.Tests.Reliability.Faults;

/// <summary>The built host started as a real process (dotnet IssueTracker.Host.dll), so that it can be SIGKILLed.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private bool _disposed;

    private HostProcess(Process process) => _process = process;

    public static string Dll
    {
        get
        {
            // tests/IssueTracker.Host.Tests/bin/<Configuration>/net10.0/ → src/Host/bin/<Configuration>/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(FaultCluster.Repository, "src", "Host", "bin", configuration, "net10.0", "IssueTracker.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Host first", dll);
        }
    }

    /// <summary>
    /// Every fault test ends its hosts with SIGKILL, so each leaves a node behind that still holds its projection shards
    /// until the leader sees it stale. With the production timeouts (5 s polls, 15 s) a restarted host would spend
    /// most of a test's catch-up budget waiting for them; these settings are a deployment's own to choose.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailover = new Dictionary<string, string>
    {
        ["Cluster__HealthCheckInterval"] = "00:00:02", ["Cluster__NodeTimeout"] = "00:00:08"
    };

    public string Output => string.Join('\n', _output);

    public int ProcessId => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="settings">Extra configuration, as environment variables (Attachments__OrphanGrace, …), over <see cref="FastFailover"/>.</param>
    public static async Task<HostProcess> Start(string connectionString, Uri address, HttpClient http,
        IReadOnlyDictionary<string, string>? settings = null, string waitFor = "/health/ready")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        foreach (var argument in new[] { Dll, "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["Auth__SigningKey"] = FaultClient.Auth.SigningKey;
        start.Environment["Auth__Issuer"] = FaultClient.Auth.Issuer;
        start.Environment["Auth__Audience"] = FaultClient.Auth.Audience;
        foreach (var (name, value) in FastFailover.Concat(settings ?? new Dictionary<string, string>())) start.Environment[name] = value;

        var host = new HostProcess(Process.Start(start)!);
        // Should the test run end without disposing (a crash, a cancelled run), the host must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Dispose();
        host._process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReady(http, address, waitFor);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, in-flight requests die with it.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Kill();
        _process.Dispose();
    }

    private async Task WaitUntilReady(HttpClient http, Uri address, string path)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited) throw new InvalidOperationException("The host exited:\n" + Output);
            try
            {
                using var ready = await http.GetAsync(new Uri(address, path));
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("The host did not become ready:\n" + Output);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 300) _output.TryDequeue(out _);
    }
}
