using System.Net;
using System.Text.Json;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Meetings;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Host.Tests.Meetings;

/// <summary>The meeting from the story: three residents' problems put before one 党群议事会 and settled there.</summary>
[Collection(AppCollection.Name)]
public class MeetingStoryTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_meeting_settles_three_issues_and_its_minutes_and_the_issues_show_what_was_decided()
    {
        var parking = await _street.Raise(Bodies.ParkingLock());
        var poultry = await _street.Raise(Bodies.LoosePoultry());
        var leak = await _street.Raise(Bodies.LeakingBuilding());

        var scheduled = (await _street.Host.Post("/api/meetings", MeetingBodies.Schedule())).ShouldHaveStatus(HttpStatusCode.Created);
        scheduled.Version.ShouldBe(1);
        scheduled.Response.Headers.Location!.ToString().ShouldBe($"/api/meetings/{scheduled.Id}");
        var meeting = scheduled.Id;

        var version = 1;
        foreach (var issue in new[] { parking, poultry, leak })
            (await _street.Host.Post($"/api/meetings/{meeting}/agenda", new { issueId = issue })).ShouldHaveStatus(HttpStatusCode.OK)
                .Version.ShouldBe(++version);

        var attendees = new[]
        {
            new { name = "王女士", role = "resident" }, new { name = "张师傅", role = "partyMember" },
            new { name = "网格员小陈", role = "gridWorker" }, new { name = "红色物业 刘经理", role = "propertyCompany" },
            new { name = "大通路派出所 周警官", role = "police" }, new { name = "城管中队 孙队长", role = "department" }
        };
        (await _street.Host.Post($"/api/meetings/{meeting}/attendance", new { attendees })).ShouldHaveStatus(HttpStatusCode.OK)
            .Version.ShouldBe(++version);

        var dueBy = DateTimeOffset.UtcNow.AddDays(14);
        foreach (var decision in new[] { MeetingBodies.Assign(parking, dueBy), MeetingBodies.Refer(poultry), MeetingBodies.NoAction(leak) })
            (await _street.Host.Post($"/api/meetings/{meeting}/decisions", decision)).ShouldHaveStatus(HttpStatusCode.OK)
                .Version.ShouldBe(++version);

        (await _street.Host.Post($"/api/meetings/{meeting}/conclude", new { minutes = "三项议题均已形成决议，会后由网格员跟踪落实。" }))
            .ShouldHaveStatus(HttpStatusCode.OK).Version.ShouldBe(9);

        await IssueShouldBe(parking, meeting, "assigned", MeetingBodies.AssignDecision,
            typeof(IssueRaised), typeof(IssuePlacedOnAgenda), typeof(IssueDiscussed), typeof(IssueAssigned));
        await IssueShouldBe(poultry, meeting, "closed", MeetingBodies.ReferDecision,
            typeof(IssueRaised), typeof(IssuePlacedOnAgenda), typeof(IssueDiscussed), typeof(IssueClosed));
        await IssueShouldBe(leak, meeting, "closed", MeetingBodies.NoActionDecision,
            typeof(IssueRaised), typeof(IssuePlacedOnAgenda), typeof(IssueDiscussed), typeof(IssueClosed));

        var assigned = (await _street.EventsOf(parking))[^1].Data.ShouldBeOfType<IssueAssigned>();
        assigned.Assignee.ShouldBe(Street.PropertyCompany);
        assigned.DueBy!.Value.ShouldBe(dueBy, TimeSpan.FromMilliseconds(1));
        var referred = (await _street.EventsOf(poultry))[^1].Data.ShouldBeOfType<IssueClosed>();
        (referred.Outcome, referred.ReferredTo).ShouldBe((CloseOutcome.Referred, MeetingBodies.PoliceStation));
        var noAction = (await _street.EventsOf(leak))[^1].Data.ShouldBeOfType<IssueClosed>();
        (noAction.Outcome, noAction.Reason).ShouldBe((CloseOutcome.NoAction, MeetingBodies.NoActionReason));
        (await _street.Host.Get($"/api/issues/{parking}")).Text("assignee").ShouldBe(Street.PropertyCompany);
        (await _street.Host.Get($"/api/issues/{poultry}")).Text("referredTo").ShouldBe(MeetingBodies.PoliceStation);
        (await _street.Host.Get($"/api/issues/{leak}")).Text("closedReason").ShouldBe(MeetingBodies.NoActionReason);

        (await _street.EventsOf(meeting)).Select(e => e.Data.GetType()).ShouldBe(
        [
            typeof(MeetingScheduled), typeof(AgendaItemAdded), typeof(AgendaItemAdded), typeof(AgendaItemAdded),
            typeof(AttendanceRecorded), typeof(DecisionRecorded), typeof(DecisionRecorded), typeof(DecisionRecorded),
            typeof(MeetingConcluded)
        ]);
        await MinutesShouldShowTheWholeMeeting(meeting, parking, poultry, leak);
    }

    private async Task MinutesShouldShowTheWholeMeeting(Guid meeting, Guid parking, Guid poultry, Guid leak)
    {
        var answer = (await _street.Reporter.Get($"/api/meetings/{meeting}")).ShouldHaveStatus(HttpStatusCode.OK);
        answer.Response.Headers.ETag!.ToString().ShouldBe(Preconditions.ETag(9));
        var minutes = answer.Body;
        minutes.GetProperty("status").GetString().ShouldBe("concluded");
        minutes.GetProperty("version").GetInt32().ShouldBe(9);
        minutes.GetProperty("title").GetString().ShouldBe("明光社区党群议事会（十一月）");
        minutes.GetProperty("community").GetString().ShouldBe("明光社区");
        minutes.GetProperty("minutes").GetString().ShouldBe("三项议题均已形成决议，会后由网格员跟踪落实。");

        minutes.GetProperty("agenda").EnumerateArray()
            .Select(i => (i.GetProperty("issueId").GetGuid(), i.GetProperty("title").GetString(), i.GetProperty("decision").GetString()))
            .ShouldBe([
                (parking, "明光小区地锁占道", MeetingBodies.AssignDecision),
                (poultry, "群力新村散养家禽", MeetingBodies.ReferDecision),
                (leak, "矿机二村老楼漏水", MeetingBodies.NoActionDecision)
            ]);
        minutes.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("role").GetString()).ShouldBe(
            ["resident", "partyMember", "gridWorker", "propertyCompany", "police", "department"]);
        var decisions = minutes.GetProperty("decisions").EnumerateArray().ToList();
        decisions.Select(d => d.GetProperty("outcome").GetString()).ShouldBe(["assign", "refer", "noAction"]);
        decisions[0].GetProperty("assignee").GetString().ShouldBe(Street.PropertyCompany);
        decisions[1].GetProperty("referredTo").GetString().ShouldBe(MeetingBodies.PoliceStation);
        decisions[2].GetProperty("reason").GetString().ShouldBe(MeetingBodies.NoActionReason);

        (await _street.Reporter.Get($"/api/meetings/{meeting}", ("If-None-Match", Preconditions.ETag(9))))
            .ShouldHaveStatus(HttpStatusCode.NotModified);
    }

    private async Task IssueShouldBe(Guid issue, Guid meeting, string status, string decision, params Type[] events)
    {
        (await _street.EventsOf(issue)).Select(e => e.Data.GetType()).ShouldBe(events);
        var details = (await _street.Auditor.Get($"/api/issues/{issue}")).ShouldHaveStatus(HttpStatusCode.OK);
        details.Text("status").ShouldBe(status);
        details.Version.ShouldBe(events.Length);
        var discussed = details.Body.GetProperty("meetings").EnumerateArray().ShouldHaveSingleItem();
        discussed.GetProperty("meetingId").GetGuid().ShouldBe(meeting);
        discussed.GetProperty("title").GetString().ShouldBe("明光社区党群议事会（十一月）");
        discussed.GetProperty("decision").GetString().ShouldBe(decision);
    }

    [Fact]
    public async Task Meetings_are_listed_by_community_and_time()
    {
        var november = await _street.ScheduleMeeting(MeetingBodies.Schedule(at: new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.FromHours(8))));
        var december = await _street.ScheduleMeeting(MeetingBodies.Schedule(at: new DateTimeOffset(2026, 12, 26, 14, 0, 0, TimeSpan.FromHours(8))));
        var elsewhere = await _street.ScheduleMeeting(MeetingBodies.Schedule(community: "全椒路社区"));
        await app.NewStreet().ScheduleMeeting();

        (await Ids("/api/meetings")).ShouldBe([november, elsewhere, december], ignoreOrder: true);
        (await Ids("/api/meetings?community=明光社区")).ShouldBe([november, december]);
        (await Ids("/api/meetings?community=明光社区&from=2026-12-01T00:00:00%2B08:00")).ShouldBe([december]);
        (await Ids("/api/meetings?to=2026-12-01T00:00:00%2B08:00")).ShouldBe([november, elsewhere], ignoreOrder: true);
        (await _street.Host.Get("/api/meetings?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")).ShouldHaveStatus(HttpStatusCode.BadRequest);
    }

    private async Task<Guid[]> Ids(string url) =>
        (await _street.Reporter.Get(url)).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items").EnumerateArray()
        .Select(m => m.GetProperty("id").GetGuid()).ToArray();
}
