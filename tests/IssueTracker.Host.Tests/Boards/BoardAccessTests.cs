using System.Net;

namespace IssueTracker.Host.Tests.Boards;

[Collection(AppCollection.Name)]
public class BoardAccessTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_page_loads_without_a_token_but_the_board_data_needs_one()
    {
        var page = await _street.Anonymous.Get("/board");
        page.ShouldHaveStatus(HttpStatusCode.OK).Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await _street.Anonymous.Get("/board.js")).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Anonymous.Get("/api/boards/status")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
        (await _street.Anonymous.Get($"/api/boards/overdue?access_token={_street.Reporter.Token}"))
            .ShouldHaveStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_change_stream_opens_with_a_ticket_for_the_users_street_and_never_with_a_token_in_the_url()
    {
        using var client = app.Host.Server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (await client.GetAsync("/api/boards/stream", timeout.Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/boards/stream?access_token={_street.Reporter.Token}", timeout.Token))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/boards/stream?ticket={new string('0', 64)}", timeout.Token))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _street.Anonymous.Post("/api/boards/stream-ticket", new { })).ShouldHaveStatus(HttpStatusCode.Unauthorized);

        var issued = (await _street.Reporter.Post("/api/boards/stream-ticket", new { })).ShouldHaveStatus(HttpStatusCode.OK);
        var ticket = issued.Text("ticket");
        issued.Body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeInRange(DateTimeOffset.UtcNow.AddSeconds(30), DateTimeOffset.UtcNow.AddSeconds(61));

        for (var open = 0; open < 2; open++)
        {
            using var response = await client.GetAsync($"/api/boards/stream?ticket={ticket}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            (await reader.ReadLineAsync(timeout.Token)).ShouldBe("event: changed");
        }

        await using var session = app.Store.QuerySession();
        (await session.LoadAsync<IssueTracker.Host.Boards.StreamTicket>(ticket))!.Street.ShouldBe(_street.Id);
    }

    [Fact]
    public async Task An_expired_ticket_is_401()
    {
        var expired = new IssueTracker.Host.Boards.StreamTicket(Guid.NewGuid().ToString("N"), _street.Id, "grid-12", DateTimeOffset.UtcNow.AddSeconds(-1));
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(expired);
            await session.SaveChangesAsync();
        }

        (await _street.Anonymous.Get($"/api/boards/stream?ticket={expired.Id}")).ShouldHaveStatus(HttpStatusCode.Unauthorized)
            .Text("detail").ShouldContain("expired");
    }

    [Fact]
    public async Task Grouping_by_anything_else_is_a_validation_problem()
    {
        var answer = await _street.Reporter.Get("/api/boards/status?groupBy=compound");
        answer.ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").TryGetProperty("groupBy", out _).ShouldBeTrue();
    }
}
