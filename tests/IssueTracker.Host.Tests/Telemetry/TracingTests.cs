using System.Diagnostics;
using System.Net;

namespace IssueTracker.Host.Tests.Telemetry;

[Collection(AppCollection.Name)]
public class TracingTests(AppFixture app)
{
    [Fact]
    public async Task A_command_is_traced_through_ASP_NET_Core_Wolverine_Marten_and_Npgsql()
    {
        var street = app.NewStreet();
        var trace = app.Spans.Watch();
        var traceparent = $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

        (await street.Reporter.Post("/api/issues", Bodies.ParkingLock(), ("traceparent", traceparent)))
            .ShouldHaveStatus(HttpStatusCode.Created);

        var spans = await SpansOf(trace, until: s => s.Any(IsServerSpan));
        var server = spans.Single(IsServerSpan);
        server.GetTagItem("http.route").ShouldBe("/api/issues");
        server.GetTagItem("http.response.status_code").ShouldBe(201);
        server.GetTagItem("issuetracker.command").ShouldBe("raiseIssue");
        server.GetTagItem("issuetracker.outcome").ShouldBe("accepted");
        // Wolverine.Http does not open a span of its own: it tags the request's span with the handler it ran.
        server.GetTagItem("handler.type").ShouldBe(typeof(IssueTracker.Host.Issues.RaiseIssueEndpoint).FullName);
        server.GetTagItem("tenant.id").ShouldBe(street.Id);

        var marten = spans.Single(s => s.Source.Name == "Marten" && s.OperationName == "marten.connection"
                                       && s.Events.Any(e => e.Name == "marten.append.event"));
        marten.ParentSpanId.ShouldBe(server.SpanId);
        marten.GetTagItem("tenant.id").ShouldBe(street.Id);
        spans.ShouldContain(s => s.Source.Name == "Npgsql" && s.ParentSpanId == marten.SpanId
                                 && (s.GetTagItem("db.query.text") as string ?? "").Contains("mt_quick_append_events"));
    }

    private static bool IsServerSpan(Activity span) =>
        span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server;

    // The server span ends after the response has been handed to the client: wait for it, but not forever.
    private async Task<IReadOnlyList<Activity>> SpansOf(ActivityTraceId trace, Func<IReadOnlyList<Activity>, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var spans = app.Spans.Of(trace);
            if (until(spans)) return spans;
            await Task.Delay(20, timeout.Token);
        }
    }
}
