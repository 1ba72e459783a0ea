using System.Globalization;
using System.Net;

namespace IssueTracker.Host.Tests.Audit;

[Collection(AppCollection.Name)]
public class StateAtTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_state_at_each_version_is_what_the_details_showed_right_after_that_command()
    {
        var (id, detailsAfter) = await AuditScenario.LongLife(_street);

        foreach (var details in detailsAfter)
        {
            var version = details.GetProperty("version").GetInt32();
            var state = (await _street.Auditor.Get($"/api/issues/{id}/state?version={version}")).ShouldHaveStatus(HttpStatusCode.OK);
            state.Body.GetRawText().ShouldBe(details.GetRawText(), $"version {version}");
        }
        for (var version = 1; version <= 13; version++)
        {
            var state = (await _street.Host.Get($"/api/issues/{id}/state?version={version}")).ShouldHaveStatus(HttpStatusCode.OK);
            state.Body.GetProperty("version").GetInt32().ShouldBe(version);
        }
    }

    [Fact]
    public async Task A_moment_between_two_commands_gives_the_earlier_state()
    {
        var (id, detailsAfter) = await AuditScenario.LongLife(_street);

        for (var i = 0; i + 1 < detailsAfter.Count; i++)
        {
            var (earlier, later) = (UpdatedAt(detailsAfter[i]), UpdatedAt(detailsAfter[i + 1]));
            var between = earlier + (later - earlier) / 2;
            var state = (await _street.Auditor.Get($"/api/issues/{id}/state?at={At(between)}")).ShouldHaveStatus(HttpStatusCode.OK);
            state.Body.GetRawText().ShouldBe(detailsAfter[i].GetRawText(), $"between versions {i} and {i + 1}");
        }
        var last = (await _street.Auditor.Get($"/api/issues/{id}/state?at={At(UpdatedAt(detailsAfter[^1]))}"))
            .ShouldHaveStatus(HttpStatusCode.OK);
        last.Body.GetProperty("status").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task Before_the_issue_was_raised_it_is_not_found_and_a_version_beyond_the_stream_is_a_bad_request()
    {
        var id = await _street.Raise();
        var raisedAt = UpdatedAt((await _street.Host.Get($"/api/issues/{id}")).Body);

        (await _street.Auditor.Get($"/api/issues/{id}/state?at={At(raisedAt.AddSeconds(-1))}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Auditor.Get($"/api/issues/{id}/state?version=2")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Auditor.Get($"/api/issues/{id}/state?version=0")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Auditor.Get($"/api/issues/{id}/state")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Auditor.Get($"/api/issues/{id}/state?at=yesterday")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Auditor.Get($"/api/issues/{Guid.NewGuid()}/state?version=1")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_auditors_hosts_and_admins_may_look_back_and_only_in_their_own_street()
    {
        var id = await _street.Raise();

        (await _street.Reporter.Get($"/api/issues/{id}/state?version=1")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Assignee.Get($"/api/issues/{id}/state?version=1")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Admin.Get($"/api/issues/{id}/state?version=1")).ShouldHaveStatus(HttpStatusCode.OK);
        (await app.NewStreet().Auditor.Get($"/api/issues/{id}/state?version=1")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    private static DateTimeOffset UpdatedAt(System.Text.Json.JsonElement details) =>
        details.GetProperty("updatedAt").GetDateTimeOffset();

    private static string At(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}
