using System.Net;

namespace IssueTracker.Host.Tests.Volunteers;

[Collection(AppCollection.Name)]
public class VolunteerTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_volunteer_registers_themself_once_and_finds_their_record()
    {
        var created = (await _street.Volunteer().Post("/api/volunteers", VolunteerBodies.Registration())).ShouldHaveStatus(HttpStatusCode.Created);
        created.Version.ShouldBe(1);
        created.Response.Headers.Location!.ToString().ShouldBe($"/api/volunteers/{created.Id}");

        (await _street.Volunteer().Post("/api/volunteers", VolunteerBodies.Registration())).ShouldHaveStatus(HttpStatusCode.Conflict)
            .ProblemType.ShouldBe("urn:issuetracker:problem:already-registered");
        var mine = (await _street.Volunteer().Get("/api/volunteers/me")).ShouldHaveStatus(HttpStatusCode.OK);
        mine.Id.ShouldBe(created.Id);
        (mine.Text("name"), mine.Text("contact"), mine.Text("community")).ShouldBe(("吴化平", "13900000000", "全椒路社区"));
        (await _street.Volunteer("vol-new").Get("/api/volunteers/me")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_host_registers_anyone_and_others_may_not()
    {
        (await _street.Host.Post("/api/volunteers", VolunteerBodies.Registration("周阿姨"))).ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Host.Post("/api/volunteers", VolunteerBodies.Registration("周阿姨"))).ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Reporter.Post("/api/volunteers", VolunteerBodies.Registration())).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Leader().Post("/api/volunteers", VolunteerBodies.Registration())).ShouldHaveStatus(HttpStatusCode.Forbidden);
        var invalid = (await _street.Host.Post("/api/volunteers", new { name = "", community = "" })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        invalid.Body.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Name_and_contact_only_for_hosts_admins_auditors_the_volunteer_and_their_team_leaders()
    {
        var id = await _street.RegisterSelf();

        foreach (var reader in new[] { _street.Host, _street.Admin, _street.Auditor, _street.Volunteer(), _street.Leader() })
        {
            var seen = (await reader.Get($"/api/volunteers/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
            (seen.Text("name"), seen.Text("contact")).ShouldBe(("吴化平", "13900000000"));
        }
        foreach (var reader in new[] { _street.Reporter, _street.Assignee, _street.Volunteer("vol-zhou"), _street.OtherLeader() })
        {
            var seen = (await reader.Get($"/api/volunteers/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
            seen.Body.GetProperty("name").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
            seen.Body.GetProperty("contact").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
            seen.Text("community").ShouldBe("全椒路社区");
        }
    }

    [Fact]
    public async Task Joining_and_leaving_teams()
    {
        var id = await _street.RegisterSelf();
        var other = _street.Volunteer("vol-zhou");

        (await other.Post($"/api/volunteers/{id}/teams", new { teamId = VolunteerBodies.OtherTeam })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Volunteer().Post($"/api/volunteers/{id}/teams", new { teamId = VolunteerBodies.Team })).ShouldHaveStatus(HttpStatusCode.Conflict);
        (await _street.Volunteer().Post($"/api/volunteers/{id}/teams", new { teamId = "Not a team" })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.OtherLeader().Post($"/api/volunteers/{id}/teams", new { teamId = VolunteerBodies.OtherTeam })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Leader().Send(HttpMethod.Delete, $"/api/volunteers/{id}/teams/{VolunteerBodies.Team}", null, ("If-Match", "\"1\"")))
            .ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        (await _street.Leader().Send(HttpMethod.Delete, $"/api/volunteers/{id}/teams/{VolunteerBodies.Team}", null, ("If-Match", "\"3\"")))
            .ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(4);

        var volunteer = (await _street.Host.Get($"/api/volunteers/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
        volunteer.Body.GetProperty("teams").EnumerateArray().Select(t => t.GetString()).ShouldBe([VolunteerBodies.OtherTeam]);
        (await _street.Volunteer().Send(HttpMethod.Delete, $"/api/volunteers/{id}/teams/{VolunteerBodies.Team}", null))
            .ShouldHaveStatus(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Teams_are_the_directorys_active_volunteer_teams()
    {
        var id = await _street.RegisterSelf();
        _street.ListsAssignees = false;
        await _street.List("hongse-wuye");
        await _street.List("closed-team", "已解散的志愿队", "volunteerTeam");
        (await _street.Admin.Send(HttpMethod.Put, "/api/organisations/closed-team", System.Net.Http.Json.JsonContent.Create(
            new { name = "已解散的志愿队", kind = "volunteerTeam", active = false }))).ShouldHaveStatus(HttpStatusCode.OK);

        foreach (var team in new[] { "never-listed", "hongse-wuye", "closed-team" })
            (await _street.Volunteer().Post($"/api/volunteers/{id}/teams", new { teamId = team })).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task("never-listed"))).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await _street.Host.Post("/api/ventures", VentureAndListTests.Venture("hongse-wuye"))).ShouldHaveStatus(HttpStatusCode.BadRequest);

        await _street.List(VolunteerBodies.OtherTeam, "吴化平阳光工作室", "volunteerTeam");
        (await _street.Volunteer().Post($"/api/volunteers/{id}/teams", new { teamId = VolunteerBodies.OtherTeam })).ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_teams_roster_lists_its_members_with_names_for_its_leader_only()
    {
        var mine = await _street.RegisterSelf();
        var hosts = await _street.RegisterByHost("周阿姨");
        var elsewhere = (await _street.Host.Post("/api/volunteers", VolunteerBodies.Registration("钱师傅"))).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await _street.Host.Post($"/api/volunteers/{elsewhere}/teams", new { teamId = VolunteerBodies.OtherTeam })).ShouldHaveStatus(HttpStatusCode.OK);

        var roster = (await _street.Leader().Get($"/api/volunteers?team={VolunteerBodies.Team}")).ShouldHaveStatus(HttpStatusCode.OK)
            .Body.GetProperty("items").EnumerateArray().ToList();
        roster.Select(v => (v.GetProperty("id").GetGuid(), v.GetProperty("name").GetString())).ShouldBe([(mine, "吴化平"), (hosts, "周阿姨")]);
        (await _street.OtherLeader().Get($"/api/volunteers?team={VolunteerBodies.Team}")).Body.GetProperty("items").EnumerateArray()
            .ShouldAllBe(v => v.GetProperty("name").ValueKind == System.Text.Json.JsonValueKind.Null);
        (await _street.Host.Get("/api/volunteers")).Body.GetProperty("items").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Service_records_credit_points_by_the_hour_and_a_correction_is_a_new_event()
    {
        var id = await _street.RegisterSelf();

        var recorded = (await _street.Leader().Post($"/api/volunteers/{id}/service-records", VolunteerBodies.Service(2.5m)))
            .ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.OtherLeader().Post($"/api/volunteers/{id}/service-records", VolunteerBodies.Service())).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Volunteer().Post($"/api/volunteers/{id}/service-records", VolunteerBodies.Service())).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Host.Post($"/api/volunteers/{id}/service-records", VolunteerBodies.Service(12.5m))).ShouldHaveStatus(HttpStatusCode.BadRequest);

        var volunteer = (await _street.Volunteer().Get($"/api/volunteers/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
        (volunteer.Body.GetProperty("hours").GetDecimal(), volunteer.Body.GetProperty("points").GetInt32()).ShouldBe((2.5m, 25));
        var record = volunteer.Body.GetProperty("serviceRecords")[0].GetProperty("recordId").GetGuid();

        (await _street.Host.Post($"/api/volunteers/{id}/service-records/{record}/corrections", new { hours = 2, reason = "实际两小时" },
            ("If-Match", $"\"{recorded.Version}\""))).ShouldHaveStatus(HttpStatusCode.OK);

        volunteer = (await _street.Volunteer().Get($"/api/volunteers/{id}")).ShouldHaveStatus(HttpStatusCode.OK);
        (volunteer.Body.GetProperty("hours").GetDecimal(), volunteer.Body.GetProperty("points").GetInt32()).ShouldBe((2m, 20));
        (await _street.EventsOf(id)).Select(e => e.EventTypeName).ShouldBe(
            ["volunteer_registered", "volunteer_joined_team", "service_recorded", "service_record_corrected"]);
        await _street.Verify();
    }
}
