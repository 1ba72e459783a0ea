using System.Net;
using DocumentFormat.OpenXml.Packaging;

namespace IssueTracker.Host.Tests.Meetings;

[Collection(AppCollection.Name)]
public class MinutesDocumentTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_docx_holds_the_title_every_decision_and_residents_names_only_for_hosts_admins_and_auditors()
    {
        var (parking, poultry, leak) = (await _street.Raise(Bodies.ParkingLock()), await _street.Raise(Bodies.LoosePoultry()),
            await _street.Raise(Bodies.LeakingBuilding()));
        var meeting = await _street.ScheduleMeeting();
        foreach (var issue in new[] { parking, poultry, leak }) await _street.PutOnAgenda(meeting, issue);
        (await _street.Host.Post($"/api/meetings/{meeting}/attendance", new
        {
            attendees = new object[]
            {
                new { name = "王秀英", role = "resident" }, new { name = "李建国", role = "resident" },
                new { name = "红色物业 刘经理", role = "propertyCompany" }, new { name = "大通路派出所 周警官", role = "police" }
            }
        })).ShouldHaveStatus(HttpStatusCode.OK);
        foreach (var decision in new[] { MeetingBodies.Assign(parking), MeetingBodies.Refer(poultry), MeetingBodies.NoAction(leak) })
            (await _street.Host.Post($"/api/meetings/{meeting}/decisions", decision)).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/meetings/{meeting}/conclude", new { minutes = "三项议题均已形成决议，会后由网格员跟踪落实。" }))
            .ShouldHaveStatus(HttpStatusCode.OK);

        var viewer = _street.As("viewer", "board-screen", "大屏");
        foreach (var (client, named) in new[] { (_street.Host, true), (_street.Auditor, true), (_street.Reporter, false),
                     (_street.Assignee, false), (viewer, false) })
        {
            var text = await DocumentText(client, meeting);
            text.ShouldContain("明光社区党群议事会（十一月）");
            text.ShouldContain("明光路街道党群服务中心");
            foreach (var decided in new[] { MeetingBodies.AssignDecision, MeetingBodies.ReferDecision, MeetingBodies.NoActionDecision })
                text.ShouldContain(decided);
            text.ShouldContain("承办单位：红色物业");
            text.ShouldContain("三项议题均已形成决议");
            text.ShouldContain("红色物业 刘经理");
            text.ShouldContain("签字");
            if (named)
            {
                text.ShouldContain("王秀英");
                text.ShouldContain("李建国");
            }
            else
            {
                text.ShouldNotContain("王秀英");
                text.ShouldNotContain("李建国");
                text.ShouldContain("居民：2人");
            }
        }
    }

    [Fact]
    public async Task Another_streets_meeting_and_an_unknown_one_are_not_found()
    {
        var theirs = await app.NewStreet().ScheduleMeeting();
        (await _street.Host.Get($"/api/meetings/{theirs}/minutes.docx")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Get($"/api/meetings/{Guid.NewGuid()}/minutes.docx")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    private static async Task<string> DocumentText(Client client, Guid meeting)
    {
        var answer = (await client.Get($"/api/meetings/{meeting}/minutes.docx")).ShouldHaveStatus(HttpStatusCode.OK);
        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var document = WordprocessingDocument.Open(new MemoryStream(await answer.Response.Content.ReadAsByteArrayAsync()), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText));
    }
}
