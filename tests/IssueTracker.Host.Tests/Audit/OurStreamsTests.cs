using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Audit;
using IssueTracker.Host.Reliability;
using JasperFx.Events;
using Marten;

namespace IssueTracker.Host.Tests.Audit;

[Collection(AppCollection.Name)]
public class OurStreamsTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Marten_tombstones_left_by_two_racing_saves_are_neither_listed_nor_verified()
    {
        await _street.Raise();
        await RaceOneKey();
        await using (var session = app.Store.QuerySession(_street.Id))
            (await session.Events.FetchStreamStateAsync(Tombstone.StreamId)).ShouldNotBeNull("Marten left no tombstone stream");

        var summary = await StoreVerification.RunAsync(app.Store, _street.Id, TextWriter.Null, CancellationToken.None);

        summary.AllValid.ShouldBeTrue(string.Join("; ", summary.Broken.Select(b => $"{b.StreamId}: {b.Report.Reason}")));
        summary.Streams.ShouldBe(2);
        (await _street.Auditor.Get($"/api/issues/{Tombstone.StreamId}/history")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Auditor.Get($"/api/issues/{Tombstone.StreamId}/history/verify")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Streams_of_other_kinds_are_not_verified()
    {
        await _street.Raise();
        await using (var session = app.Store.LightweightSession(_street.Id))
        {
            session.Events.StartStream<Visit>(Guid.CreateVersion7(), new ProgressReported("外部系统的记录", Actor, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var summary = await StoreVerification.RunAsync(app.Store, _street.Id, TextWriter.Null, CancellationToken.None);

        summary.Streams.ShouldBe(1);
        summary.Events.ShouldBe(1);
    }

    [Fact]
    public void Our_kinds_are_martens_names_for_our_aggregates() =>
        AuditedStreams.Kinds.ShouldBe([
            ((DocumentStore)app.Store).Events.AggregateAliasFor(typeof(Issue)),
            ((DocumentStore)app.Store).Events.AggregateAliasFor(typeof(Domain.Meetings.Meeting)),
            .. Host.Volunteers.VolunteerStreams.Aggregates.Select(((DocumentStore)app.Store).Events.AggregateAliasFor)
        ]);

    /// <summary>
    /// Two saves of one keyed command as two hosts make them: both start a stream and insert the same answer record;
    /// the second fails after its events were given sequence numbers, which Marten then fills with tombstones.
    /// </summary>
    private async Task RaceOneKey()
    {
        var record = new IdempotencyRecord(Guid.NewGuid().ToString("N"), "request", 201, "{}", null, DateTimeOffset.UtcNow);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var session = app.Store.LightweightSession(_street.Id);
            session.Events.StartStream<Issue>(Guid.CreateVersion7(), new IssueRaised("地锁占道", "", IssueCategory.Parking,
                new Location("明光社区", "明光小区", null, 12), null, Urgency.Normal, [], Actor, DateTimeOffset.UtcNow));
            session.Insert(record);
            if (attempt == 0) await session.SaveChangesAsync();
            else await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());
        }

        // Marten writes the tombstones in the background after the failed save.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            await using var session = app.Store.QuerySession(_street.Id);
            if ((await session.Events.FetchStreamAsync(Tombstone.StreamId, token: timeout.Token)).Count > 0) return;
            await Task.Delay(50, timeout.Token);
        }
    }

    private static readonly Actor Actor = new("host-li", "李主任", Roles.Host, null);

    private sealed record Visit;
}
