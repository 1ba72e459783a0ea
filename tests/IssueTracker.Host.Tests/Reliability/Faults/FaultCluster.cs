using System.Diagnostics;

namespace IssueTracker.Host.Tests.Reliability.Faults;

/// <summary>
/// A PostgreSQL cluster of the fault tests' own (scripts/pg.sh with PG_STATE_DIR=.local/pg-faults), which they may
/// stop and start without disturbing the cluster the other tests use. Stopped when the tests end.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public const string Database = "issuetracker_faults";
    private const string StateDir = ".local/pg-faults";

    public string ConnectionString { get; private set; } = "";

    public static string Repository { get; } = FindRepository();

    /// <summary>
    /// Outside the range scripts/pg.sh scans (54329-54428) and below the ephemeral ports, so that another cluster
    /// started while this one is down for a test cannot take its port.
    /// </summary>
    private readonly int _port = 20000 + Random.Shared.Next(10000);

    public async Task InitializeAsync() => ConnectionString = await Start();

    public Task DisposeAsync() => Stop();

    /// <summary>Starts the cluster (or finds it running) and answers its connection string.</summary>
    public async Task<string> Start() => (await PgSh("start", Database)).Trim().Split('\n')[^1];

    public Task Stop() => PgSh("stop");

    private async Task<string> PgSh(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository, "scripts", "pg.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PG_STATE_DIR"] = StateDir;
        start.Environment["PG_PORT"] = _port.ToString();
        start.Environment.Remove("ConnectionStrings__Marten");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/pg.sh {string.Join(' ', arguments)} failed: {await errors}");
        return await output;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IssueTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("IssueTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultCluster>
{
    public const string Name = "faults";
}
