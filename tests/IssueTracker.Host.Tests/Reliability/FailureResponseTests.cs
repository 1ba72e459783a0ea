using System.Net;
using IssueTracker.Host.Reliability;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class FailureResponseTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Concurrent_requests_with_one_key_apply_the_command_once_and_never_answer_500()
    {
        var key = ("Idempotency-Key", "raise-race");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), key)));

        answers.ShouldContain(a => a.Status == HttpStatusCode.Created);
        answers.Where(a => a.Status != HttpStatusCode.Created)
            .ShouldAllBe(a => a.Status == HttpStatusCode.Conflict && a.ProblemType!.EndsWith("idempotency-key-in-use"));
        answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Id).Distinct().Count().ShouldBe(1);
        (await _street.Reporter.Get("/api/issues")).Text("total").ShouldBe("1");
    }

    [Fact]
    public async Task A_key_older_than_the_retention_may_be_used_again()
    {
        await using (var session = app.Store.LightweightSession(_street.Id))
        {
            session.Insert(new IdempotencyRecord(Idempotency.RecordId("grid-12", "old-key"), "another request", 201, "{}", null,
                DateTimeOffset.UtcNow - Idempotency.Retention - TimeSpan.FromHours(1)));
            await session.SaveChangesAsync();
        }

        var answer = await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), ("Idempotency-Key", "old-key"));

        answer.ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Reporter.Post("/api/issues", Bodies.ParkingLock(), ("Idempotency-Key", "old-key"))).Id.ShouldBe(answer.Id);
    }

    [Fact]
    public async Task An_empty_id_is_404_not_500()
    {
        var meeting = (await _street.Host.Post("/api/meetings", new
        {
            title = "明光社区党群议事会", community = "明光社区", scheduledAt = DateTimeOffset.UtcNow.AddDays(3), place = "党群服务中心"
        })).ShouldHaveStatus(HttpStatusCode.Created).Id;

        (await _street.Host.Post($"/api/issues/{Guid.Empty}/close", new { reason = "重复" })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Post($"/api/meetings/{meeting}/agenda", new { })).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(@"a\u0000b")]
    [InlineData(@"x\ud800y")]
    public async Task Text_that_PostgreSQL_cannot_store_is_400(string escapedTitle)
    {
        var body = """{"title":"TITLE","category":"parking","location":{"community":"明光社区"}}""".Replace("TITLE", escapedTitle);

        var answer = (await _street.Reporter.Post("/api/issues", body)).ShouldHaveStatus(HttpStatusCode.BadRequest);

        answer.Body.GetProperty("errors").TryGetProperty("title", out _).ShouldBeTrue(answer.ToString());
        (await _street.Host.Get("/api/meetings?community=%00")).ShouldHaveStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_meeting_answers_if_none_match_with_304()
    {
        var meeting = (await _street.Host.Post("/api/meetings", new
        {
            title = "明光社区党群议事会", community = "明光社区", scheduledAt = DateTimeOffset.UtcNow.AddDays(3), place = "党群服务中心"
        })).Id;

        (await _street.Host.Get($"/api/meetings/{meeting}", ("If-None-Match", "\"1\""))).ShouldHaveStatus(HttpStatusCode.NotModified);
        (await _street.Host.Get($"/api/meetings/{meeting}", ("If-None-Match", "\"0\""))).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
