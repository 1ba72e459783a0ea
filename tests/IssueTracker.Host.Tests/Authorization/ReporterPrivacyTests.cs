using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Authorization;

/// <summary>Residents' names and contacts are seen by hosts, admins and auditors only.</summary>
[Collection(AppCollection.Name)]
public class ReporterPrivacyTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Only_hosts_admins_and_auditors_see_the_reporters_contact()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());

        foreach (var privileged in new[] { _street.Host, _street.Admin, _street.Auditor })
        {
            var reporter = (await privileged.Get($"/api/issues/{id}")).Body.GetProperty("reporter");
            reporter.GetProperty("contact").GetString().ShouldBe("13800000000");
            (await privileged.Get("/api/issues")).Body.GetProperty("items")[0].GetProperty("reporter")
                .GetProperty("name").GetString().ShouldBe("王女士");
        }

        foreach (var other in new[] { _street.Reporter, _street.OtherReporter, _street.Assignee, _street.OtherAssignee })
        {
            var details = (await other.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
            details.Body.GetProperty("reporter").ValueKind.ShouldBe(JsonValueKind.Null);
            details.Body.ToString().ShouldNotContain("13800000000");
            (await other.Get("/api/issues")).Body.ToString().ShouldNotContain("13800000000");
        }
    }

    [Fact]
    public async Task Boards_never_carry_the_reporter()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign(dueBy: DateTimeOffset.UtcNow.AddSeconds(2)));
        await Boards.BoardViews.CaughtUp(app);

        foreach (var board in new[] { "/api/boards/status?groupBy=community", $"/api/boards/assignees/{Street.PropertyCompany}",
                     "/api/boards/overdue", "/api/boards/activity" })
        {
            var text = (await _street.Host.Get(board)).ShouldHaveStatus(HttpStatusCode.OK).Body.ToString();
            text.ShouldNotContain("13800000000");
            text.ShouldNotContain("王女士");
        }
    }
}
