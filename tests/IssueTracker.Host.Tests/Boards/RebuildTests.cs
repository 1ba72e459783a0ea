using System.Text.Json;
using IssueTracker.Host.Demo;
using IssueTracker.Projections.AssigneeQueue;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.StatusBoard;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace IssueTracker.Host.Tests.Boards;

[Collection(AppCollection.Name)]
public class RebuildTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Rebuilding_from_the_event_log_gives_the_documents_the_live_daemon_built()
    {
        await DemoSeeder.SeedAsync(app.Store, _street.Id, DateTimeOffset.UtcNow);
        await _street.Raise(Bodies.LoosePoultry());
        await app.CaughtUp();
        var live = await Snapshot();
        live.Count.ShouldBe(3 * (DemoStreet.Issues.Length + 1));

        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        foreach (var projection in new[] { "StatusBoard", "AssigneeQueue", nameof(IssueDetails) })
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(2), CancellationToken.None);

        (await Snapshot()).ShouldBe(live);
    }

    private async Task<List<string>> Snapshot()
    {
        await using var session = app.Store.QuerySession(_street.Id);
        var json = app.Store.Options.Serializer();
        return (await session.Query<StatusBoardRow>().OrderBy(x => x.Id).ToListAsync()).Select(json.ToJson)
            .Concat((await session.Query<AssigneeQueueItem>().OrderBy(x => x.Id).ToListAsync()).Select(json.ToJson))
            .Concat((await session.Query<IssueDetails>().OrderBy(x => x.Id).ToListAsync()).Select(json.ToJson))
            .ToList();
    }
}
