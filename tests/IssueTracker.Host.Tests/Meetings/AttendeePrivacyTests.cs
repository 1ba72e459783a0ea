using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Meetings;

[Collection(AppCollection.Name)]
public class AttendeePrivacyTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Residents_who_attended_are_named_only_to_hosts_admins_and_auditors()
    {
        var meeting = await _street.ScheduleMeeting();
        (await _street.Host.Post($"/api/meetings/{meeting}/attendance", new
        {
            attendees = new object[] { new { name = "王女士", role = "resident" }, new { name = "红色物业小张", role = "propertyCompany" } }
        })).ShouldHaveStatus(HttpStatusCode.OK);

        var viewer = _street.As("viewer", "board-screen", "大屏");
        foreach (var (client, named) in new[] { (_street.Host, true), (_street.Admin, true), (_street.Auditor, true),
                     (_street.Reporter, false), (_street.Assignee, false), (viewer, false) })
        {
            var single = (await client.Get($"/api/meetings/{meeting}")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("attendees");
            var listed = (await client.Get("/api/meetings")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items")[0].GetProperty("attendees");
            foreach (var attendees in new[] { single, listed })
            {
                attendees.GetArrayLength().ShouldBe(2);
                var resident = attendees[0];
                resident.GetProperty("role").GetString().ShouldBe("resident");
                if (named) resident.GetProperty("name").GetString().ShouldBe("王女士");
                else resident.GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null);
                attendees[1].GetProperty("name").GetString().ShouldBe("红色物业小张");
            }
        }
    }

    [Fact]
    public async Task A_duplicate_must_name_an_issue_of_the_street_not_a_meeting()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();
        var onAgenda = await _street.Raise();
        await _street.PutOnAgenda(meeting, onAgenda);

        var marked = await _street.Host.Post($"/api/issues/{issue}/duplicate", new { of = meeting });
        var decided = await _street.Host.Post($"/api/meetings/{meeting}/decisions",
            new { issueId = onAgenda, decision = "与另一事项重复", outcome = "duplicate", duplicateOf = meeting });

        marked.ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").TryGetProperty("of", out _).ShouldBeTrue();
        decided.ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").TryGetProperty("duplicateOf", out _).ShouldBeTrue();
        (await _street.StreamVersion(issue)).ShouldBe(1);
    }
}
