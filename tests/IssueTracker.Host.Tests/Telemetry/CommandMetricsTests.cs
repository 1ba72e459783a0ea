using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using IssueTracker.Host.Telemetry;

namespace IssueTracker.Host.Tests.Telemetry;

[Collection(AppCollection.Name)]
public class CommandMetricsTests(AppFixture app)
{
    [Fact]
    public async Task Commands_are_counted_by_operation_and_outcome()
    {
        var counted = new ConcurrentBag<(string Command, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Instruments.Name && instrument.Name == "issuetracker.commands") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var all = tags.ToArray();
            counted.Add((all.Single(t => t.Key == "command").Value as string ?? "", all.Single(t => t.Key == "outcome").Value as string ?? ""));
        });
        listener.Start();

        var street = app.NewStreet();
        var id = await street.Raise();
        (await street.Reporter.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await street.Host.Post($"/api/issues/{id}/resolve", new { resolution = "已处理" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await street.Host.Post($"/api/issues/{id}/assign", new { assignee = "" })).ShouldHaveStatus(HttpStatusCode.BadRequest);

        counted.ShouldContain(("raiseIssue", "accepted"));
        counted.ShouldContain(("assignIssue", "forbidden"));
        counted.ShouldContain(("assignIssue", "invalid"));
    }
}
