using IssueTracker.Host.Boards;
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
using IssueTracker.Host.Reliability;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace IssueTracker.Host.Infrastructure;

public static class StoreSetup
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

        builder.Services.AddMarten(options =>
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
                // The daemon wakes on each append's NOTIFY instead of waiting out its next poll: boards refresh sooner.
                options.Events.UseListenNotifyForEventAppends = true;

                options.OpenTelemetry.TrackConnections = builder.Configuration.GetValue("Telemetry:MartenConnections", TrackLevel.Normal);
                options.OpenTelemetry.TrackEventCounters();

                options.Schema.For<IdempotencyRecord>();
            })
            .AddAsyncDaemon(DaemonMode.Solo)
            .UseLightweightSessions()
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(options =>
        {
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
