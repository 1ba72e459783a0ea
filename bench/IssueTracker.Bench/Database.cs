using System.Diagnostics;
using Npgsql;

namespace IssueTracker.Bench;

/// <summary>
/// The benchmark's own database, dropped and created anew each run: issuetracker_bench on the cluster that
/// scripts/pg.sh starts (as the README does), or "&lt;db&gt;_bench" beside the database ConnectionStrings__Marten names,
/// or the database of --connection if its name contains "bench". So a service's or the tests' database is never dropped.
/// </summary>
public static class Database
{
    public static async Task<string> PrepareAsync(string? connection)
    {
        // ConnectionStrings__Marten names the service's or the tests' database: the benchmark works beside it.
        var shared = connection is null && Environment.GetEnvironmentVariable("ConnectionStrings__Marten") is not null;
        connection ??= Environment.GetEnvironmentVariable("ConnectionStrings__Marten") ?? StartLocalCluster();
        var builder = new NpgsqlConnectionStringBuilder(connection);
        builder.Database ??= "issuetracker";
        if (shared || !builder.Database.Contains("bench")) builder.Database += "_bench";
        var target = builder.Database!;

        var admin = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop database if exists \"{target}\" with (force)", conn)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"create database \"{target}\"", conn)) await create.ExecuteNonQueryAsync();
        builder.MaxPoolSize = Math.Max(builder.MaxPoolSize, 100);
        return builder.ConnectionString;
    }

    public static async Task<string> ServerVersionAsync(string connection)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        return conn.PostgreSqlVersion.ToString();
    }

    private static string StartLocalCluster()
    {
        var script = Path.Combine(Repo.Root, "scripts", "pg.sh");
        Progress.Say("starting PostgreSQL: bash scripts/pg.sh start issuetracker_bench");
        var start = new ProcessStartInfo("bash", [script, "start", "issuetracker_bench"])
        {
            RedirectStandardOutput = true, WorkingDirectory = Repo.Root
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("scripts/pg.sh failed; see its messages above.");
        return output.Split('\n').Last();
    }
}

public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IssueTracker.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from the IssueTracker checkout (IssueTracker.sln not found).");
    }
}
