using System.Net;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Host.Tests.Meetings;

/// <summary>Every rejected meeting command answers a precise problem and leaves both streams as they were.</summary>
[Collection(AppCollection.Name)]
public class MeetingRejectionTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_decision_on_an_issue_that_is_not_on_the_agenda_is_409()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();

        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(issue)));

        (await _street.StreamVersion(meeting)).ShouldBe(1);
        (await _street.StreamVersion(issue)).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_decision_on_the_same_item_is_409()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();
        await _street.PutOnAgenda(meeting, issue);
        (await _street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.NoAction(issue))).ShouldHaveStatus(HttpStatusCode.OK);

        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(issue)));

        (await _street.StreamVersion(meeting)).ShouldBe(3);
        (await _street.StreamVersion(issue)).ShouldBe(4);
    }

    [Fact]
    public async Task Nothing_changes_a_concluded_meeting()
    {
        var meeting = await _street.ScheduleMeeting();
        var decided = await _street.Raise();
        var undecided = await _street.Raise(Bodies.LoosePoultry());
        var late = await _street.Raise(Bodies.LeakingBuilding());
        await _street.PutOnAgenda(meeting, decided);
        await _street.PutOnAgenda(meeting, undecided);
        (await _street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Refer(decided))).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/meetings/{meeting}/conclude", new { minutes = "散会" })).ShouldHaveStatus(HttpStatusCode.OK);

        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = late }));
        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/attendance",
            new { attendees = new[] { new { name = "迟到的居民", role = "resident" } } }));
        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(undecided)));
        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(decided)));
        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/conclude", new { minutes = "再次散会" }));

        (await _street.StreamVersion(meeting)).ShouldBe(5);
        (await _street.StreamVersion(undecided)).ShouldBe(2);
        (await _street.StreamVersion(late)).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_issue_or_meeting_is_404_also_when_it_belongs_to_another_street()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();
        var otherStreet = app.NewStreet();
        var otherIssue = await otherStreet.Raise();
        var otherMeeting = await otherStreet.ScheduleMeeting();

        (await _street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = Guid.NewGuid() })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = otherIssue })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Post($"/api/meetings/{otherMeeting}/agenda", new { issueId = issue })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Post($"/api/meetings/{Guid.NewGuid()}/conclude", new { minutes = "x" })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Get($"/api/meetings/{otherMeeting}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Get("/api/meetings/not-a-guid")).ShouldHaveStatus(HttpStatusCode.NotFound);

        (await _street.StreamVersion(meeting)).ShouldBe(1);
        (await otherStreet.StreamVersion(otherIssue)).ShouldBe(1);
    }

    [Fact]
    public async Task An_issue_goes_on_an_agenda_only_from_raised_declined_or_reopened_and_only_once()
    {
        var meeting = await _street.ScheduleMeeting();
        var assigned = await _street.Raise();
        (await _street.Host.Post($"/api/issues/{assigned}/assign", Bodies.Assign())).ShouldHaveStatus(HttpStatusCode.OK);
        var declined = await _street.Raise();
        await _street.Host.Post($"/api/issues/{declined}/assign", Bodies.Assign());
        (await _street.Assignee.Post($"/api/issues/{declined}/decline", new { reason = "非本物业管理范围" })).ShouldHaveStatus(HttpStatusCode.OK);

        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = assigned }));
        await _street.PutOnAgenda(meeting, declined);
        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = declined }));
        await ShouldBeInvalidTransition(_street.Host.Post($"/api/meetings/{await _street.ScheduleMeeting()}/agenda", new { issueId = declined }));

        (await _street.Host.Get($"/api/issues/{declined}")).Text("status").ShouldBe("onAgenda");
        (await _street.StreamVersion(meeting)).ShouldBe(2);
    }

    [Fact]
    public async Task Invalid_decisions_and_meetings_are_400_with_field_errors()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();
        await _street.PutOnAgenda(meeting, issue);

        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/decisions",
            new { issueId = issue, decision = " ", outcome = "noAction", reason = "无需处理" }), "decision");
        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/decisions",
            new { issueId = issue, decision = "交物业处理", outcome = "assign", dueBy = DateTimeOffset.UtcNow.AddDays(7) }), "assignee");
        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/decisions",
            new { issueId = issue, decision = "交物业处理", outcome = "assign", assignee = Street.PropertyCompany }), "dueBy");
        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/decisions",
            new { issueId = issue, decision = "移交", outcome = "refer" }), "referredTo");
        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/decisions",
            new { issueId = issue, decision = "重复", outcome = "duplicate", duplicateOf = await app.NewStreet().Raise() }), "duplicateOf");
        (await _street.Host.Post($"/api/meetings/{meeting}/decisions", new { issueId = issue, decision = "x", outcome = "maybe" }))
            .ShouldHaveStatus(HttpStatusCode.BadRequest);
        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/attendance",
            new { attendees = new[] { new { name = "", role = "resident" } } }), "attendees[0].name");
        await ShouldHaveFieldError(_street.Host.Post($"/api/meetings/{meeting}/conclude", new { minutes = "" }), "minutes");
        await ShouldHaveFieldError(_street.Host.Post("/api/meetings", new { title = "", community = "明光社区" }), "title");

        (await _street.StreamVersion(meeting)).ShouldBe(2);
        (await _street.StreamVersion(issue)).ShouldBe(2);
    }

    [Fact]
    public async Task Only_hosts_run_meetings_but_anyone_signed_in_reads_the_minutes()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();

        foreach (var client in new[] { _street.Reporter, _street.Assignee, _street.Auditor })
        {
            (await client.Post("/api/meetings", MeetingBodies.Schedule())).ShouldHaveStatus(HttpStatusCode.Forbidden);
            (await client.Post($"/api/meetings/{meeting}/agenda", new { issueId = issue })).ShouldHaveStatus(HttpStatusCode.Forbidden);
            (await client.Post($"/api/meetings/{meeting}/attendance", new { attendees = new[] { new { name = "王女士", role = "resident" } } }))
                .ShouldHaveStatus(HttpStatusCode.Forbidden);
            (await client.Post($"/api/meetings/{meeting}/decisions", MeetingBodies.Assign(issue))).ShouldHaveStatus(HttpStatusCode.Forbidden);
            (await client.Post($"/api/meetings/{meeting}/conclude", new { minutes = "散会" })).ShouldHaveStatus(HttpStatusCode.Forbidden);
            (await client.Get($"/api/meetings/{meeting}")).ShouldHaveStatus(HttpStatusCode.OK);
        }
        (await _street.Anonymous.Get($"/api/meetings/{meeting}")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
        (await _street.StreamVersion(meeting)).ShouldBe(1);
        (await _street.StreamVersion(issue)).ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_meeting_command_is_412()
    {
        var meeting = await _street.ScheduleMeeting();
        var issue = await _street.Raise();

        (await _street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = issue }, ("If-Match", Preconditions.ETag(7))))
            .ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        (await _street.Host.Post($"/api/meetings/{meeting}/conclude", new { minutes = "散会" }, ("If-Match", "7")))
            .ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        (await _street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = issue }, ("If-Match", Preconditions.ETag(1))))
            .ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(2);

        (await _street.StreamVersion(issue)).ShouldBe(2);
    }

    private static async Task ShouldBeInvalidTransition(Task<Answer> request)
    {
        var answer = (await request).ShouldHaveStatus(HttpStatusCode.Conflict);
        answer.ProblemType!.ShouldEndWith("invalid-transition");
    }

    private static async Task ShouldHaveFieldError(Task<Answer> request, string field)
    {
        var answer = (await request).ShouldHaveStatus(HttpStatusCode.BadRequest);
        answer.Body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(answer.ToString());
    }
}
