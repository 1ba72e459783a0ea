using System.Net;
using System.Text.Json;
using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class EventMetadataTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Every_stored_event_names_its_actor_and_correlation_id()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());
        (await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { note = "收到" })).ShouldHaveStatus(HttpStatusCode.OK);

        var events = await _street.EventsOf(id);

        events.Select(e => e.EventTypeName).ShouldBe(["issue_raised", "issue_assigned", "assignment_acknowledged"]);
        events.ShouldAllBe(e => !string.IsNullOrEmpty(e.CorrelationId) && e.TenantId == _street.Id);
        events.Select(e => e.UserName).ShouldBe(["grid-12", "host-li", "wy-zhang"]);
        events.Select(e => e.CorrelationId).Distinct().Count().ShouldBe(3);
        var actors = events.Select(e => JsonSerializer.SerializeToElement(e.Headers!["actor"])).ToList();
        actors.Select(a => a.GetProperty("id").GetString()).ShouldBe(["grid-12", "host-li", "wy-zhang"]);
        actors.Select(a => a.GetProperty("role").GetString()).ShouldBe(["reporter", "host", "assignee"]);
        actors[2].GetProperty("org").GetString().ShouldBe(Street.PropertyCompany);
        actors[1].GetProperty("name").GetString().ShouldBe("李主任");
        events[2].Data.ShouldBeOfType<AssignmentAcknowledged>().By.Org.ShouldBe(Street.PropertyCompany);
    }
}
