using IssueTracker.Host.Boards;
using IssueTracker.Host.Reliability;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.Issues;
using IssueTracker.Projections.MeetingMinutes;
using IssueTracker.Projections.Meetings;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.OpenTelemetry;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace IssueTracker.Host.Infrastructure;

/// <summary>Marten (the event store, documents, projections) and Wolverine (handlers, durable messages, the cluster).</summary>
public static class CritterStackSetup
{
    public const string Schema = "issuetracker";

    /// <summary>
    /// The configured connection string, with short connect and command timeouts unless it sets its own, so that
    /// requests fail fast (503) instead of hanging while the database is unreachable.
    /// </summary>
    public static string ConnectionString(this IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Marten is not set. Start the service with scripts/run.sh, which starts a local " +
                "PostgreSQL, or set ConnectionStrings__Marten.");
        // NpgsqlConnectionStringBuilder.ContainsKey tells known keywords, not given ones.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!given.ContainsKey("Timeout")) builder.Timeout = 3;
        if (!given.ContainsKey("Command Timeout")) builder.CommandTimeout = 15;
        return builder.ConnectionString;
    }

    public static void AddIssueTrackerStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        var boardChanges = new BoardChanges();
        builder.Services.AddSingleton(boardChanges);
        builder.Services.AddSingleton<StreamRebuild>();
        builder.Services.AddSingleton<IRebuildCompanion, BoardCountersRebuild>();

        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(builder.Configuration.ConnectionString());
                options.DatabaseSchemaName = Schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
                options.Policies.AllDocumentsAreMultiTenanted();
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;

                options.Projections.Add<IssueWriteModelProjection>(ProjectionLifecycle.Live);
                options.Projections.Add<IssueDetailsProjection>(ProjectionLifecycle.Inline);
                // The issue list's order: an index reads a page without sorting the street's every issue.
                options.Schema.For<IssueDetails>().Duplicate(x => x.RaisedAt);
                options.Projections.Add<MeetingWriteModelProjection>(ProjectionLifecycle.Live);
                options.Projections.Add<MeetingMinutesProjection>(ProjectionLifecycle.Inline);

                options.AddBoards(boardChanges);
                // The daemon wakes on appends through GatheringWakeup (DaemonWakeup.cs), not Marten's one wake-up per append.

                options.OpenTelemetry.TrackConnections = builder.Configuration.GetValue("Telemetry:MartenConnections", TrackLevel.Normal);
                options.OpenTelemetry.TrackEventCounters();

                options.Schema.For<IdempotencyRecord>();
            })
            .UseLightweightSessions();
        // Outside Production (where db-apply does it before the service starts) the whole schema is applied at start,
        // before the daemon and the first requests: created lazily, a table one request is still creating makes
        // another wait, and under load past Weasel's 5 s lock.
        if (!builder.Environment.IsProduction()) marten.ApplyAllDatabaseChangesOnStartup();
        var distribution = builder.Configuration.GetValue("Projections:Distribution", ProjectionDistribution.Balanced);
        if (distribution == ProjectionDistribution.Solo)
            marten.AddAsyncDaemon(DaemonMode.Solo).IntegrateWithWolverine();
        else
            // Each async projection and subscription runs on exactly one of the hosts sharing the database, and moves
            // to another when its node stops answering; Wolverine elects the leader that assigns them.
            marten.IntegrateWithWolverine(integration => integration.UseWolverineManagedEventSubscriptionDistribution = true);

        builder.Host.UseWolverine(options =>
        {
            options.Durability.Mode = DurabilityMode.Balanced;
            // How soon a killed host's projections, timers and messages move to another: its heartbeat is missed for
            // Cluster:NodeTimeout, seen at the next Cluster:HealthCheckInterval.
            options.Durability.HealthCheckPollingTime = builder.Configuration.GetValue("Cluster:HealthCheckInterval", TimeSpan.FromSeconds(5));
            options.Durability.StaleNodeTimeout = builder.Configuration.GetValue("Cluster:NodeTimeout", TimeSpan.FromSeconds(15));
            // How soon a projection stopped by a failure (the database away) is found and started again.
            options.Durability.CheckAssignmentPeriod = builder.Configuration.GetValue("Cluster:AssignmentCheckInterval", TimeSpan.FromSeconds(10));
            options.Policies.AutoApplyTransactions();
            options.UseRuntimeCompilation();
        });

        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            defaults.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            // Production runs the code `codegen write` compiled in (the Dockerfile does it) and never changes the schema
            // on start: `db-apply` does, before the service starts (docker-compose.yml, README).
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.ResourceAutoCreate = AutoCreate.None;
        });
    }
}

/// <summary>Projections:Distribution — how the async projections are run when several hosts share one database.</summary>
public enum ProjectionDistribution
{
    /// <summary>Spread over the hosts by Wolverine, each shard on exactly one of them (the default).</summary>
    Balanced,

    /// <summary>Every projection in this process alone: for a single host, or a process that must not share them.</summary>
    Solo
}
