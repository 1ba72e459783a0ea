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
    public async Task The_change_stream_takes_its_token_from_the_query_and_starts_with_a_signal()
    {
        using var client = app.Host.Server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        (await client.GetAsync("/api/boards/stream", timeout.Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var response = await client.GetAsync($"/api/boards/stream?access_token={_street.Reporter.Token}",
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        (await reader.ReadLineAsync(timeout.Token)).ShouldBe("event: changed");
    }

    [Fact]
    public async Task Grouping_by_anything_else_is_a_validation_problem()
    {
        var answer = await _street.Reporter.Get("/api/boards/status?groupBy=compound");
        answer.ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").TryGetProperty("groupBy", out _).ShouldBeTrue();
    }
}
