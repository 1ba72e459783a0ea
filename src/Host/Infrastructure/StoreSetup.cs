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
using IssueTracker.Host.Reliability;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace IssueTracker.Host.Infrastructure;

public static class StoreSetup
{
    public const string Schema = "issuetracker";

    public static string ConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Marten")
        ?? throw new InvalidOperationException(
            "ConnectionStrings:Marten is not set. Start the service with scripts/run.sh, which starts a local PostgreSQL, " +
            "or set ConnectionStrings__Marten.");

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

                options.Listeners.Add(new EventAuthorListener());
                options.Schema.For<IdempotencyRecord>();
            })
            .AddAsyncDaemon(DaemonMode.Solo)
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        builder.Services.ConfigureMarten((services, options) =>
            options.Listeners.Add(new IdempotencyListener(services.GetRequiredService<TimeProvider>())));

        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.UseRuntimeCompilation();
        });

        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            defaults.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Auto;
            defaults.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });
    }
}
