using System.Net;
using IssueTracker.Host.Tests.Meetings;

namespace IssueTracker.Host.Tests.Issues;

/// <summary>A due date is at most five years ahead: further (year 9999 included) is a 400 that changes nothing, never a 500.</summary>
[Collection(AppCollection.Name)]
public class DueByBoundsTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    public static TheoryData<string> TooFar => new()
    {
        "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59+14:00", "9000-01-01T00:00:00Z",
        DateTimeOffset.UtcNow.AddYears(5).AddDays(2).ToString("O")
    };

    [Theory]
    [MemberData(nameof(TooFar))]
    public async Task Assigning_with_a_due_date_too_far_ahead_is_400(string dueBy)
    {
        var id = await _street.Raise();

        var answer = await _street.Host.Post($"/api/issues/{id}/assign", $$"""{"assignee":"hongse-wuye","dueBy":"{{dueBy}}"}""");

        answer.ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").GetProperty("dueBy")[0].GetString()!
            .ShouldContain("5 years");
        (await _street.StreamVersion(id)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TooFar))]
    public async Task A_meeting_deciding_with_a_due_date_too_far_ahead_is_400(string dueBy)
    {
        var meeting = await _street.ScheduleMeeting();
        var id = await _street.Raise();
        await _street.PutOnAgenda(meeting, id);

        var answer = await _street.Host.Post($"/api/meetings/{meeting}/decisions",
            $$"""{"issueId":"{{id}}","decision":"交办","outcome":"assign","assignee":"hongse-wuye","dueBy":"{{dueBy}}"}""");

        answer.ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").TryGetProperty("dueBy", out _).ShouldBeTrue();
        (await _street.StreamVersion(id)).ShouldBe(2);
    }

    [Fact]
    public async Task Four_years_ahead_is_fine()
    {
        var id = await _street.Raise();

        (await _street.Host.Post($"/api/issues/{id}/assign", new { assignee = "hongse-wuye", dueBy = DateTimeOffset.UtcNow.AddYears(4) }))
            .ShouldHaveStatus(HttpStatusCode.OK);
    }
}
