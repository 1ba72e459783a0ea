using System.Net;
using IssueTracker.Host.Infrastructure;

namespace IssueTracker.Host.Tests.Issues;

/// <summary>Every rejection answers with a precise problem and leaves the stream exactly as it was.</summary>
[Collection(AppCollection.Name)]
public class RejectedCommandTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task Without_a_valid_token_every_api_call_is_401()
    {
        var id = await _street.Raise();
        var expired = DevTokens.Create(app.Auth, "host-li", "李主任", "host", _street.Id, lifetime: TimeSpan.FromMinutes(5),
            now: DateTimeOffset.UtcNow.AddHours(-1));
        var forged = DevTokens.Create(new AuthOptions { SigningKey = new string('k', 40), Issuer = app.Auth.Issuer, Audience = app.Auth.Audience },
            "host-li", "李主任", "host", _street.Id);
        var streetless = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object> { ["sub"] = "x", ["role"] = "host", ["name"] = "x" },
                Issuer = app.Auth.Issuer, Audience = app.Auth.Audience, Expires = DateTime.UtcNow.AddHours(1),
                SigningCredentials = new(app.Auth.DevKey(), "HS256")
            });

        foreach (var client in new[] { _street.Anonymous, new Client(app, expired), new Client(app, forged), new Client(app, streetless), new Client(app, "not-a-jwt") })
        {
            (await client.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
            (await client.Get("/api/issues")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
            (await client.Post("/api/issues", Bodies.ParkingLock())).ShouldHaveStatus(HttpStatusCode.Unauthorized);
            (await client.Post($"/api/issues/{id}/close", new { reason = "x" })).ShouldHaveStatus(HttpStatusCode.Unauthorized);
        }
        await StreamVersionShouldBe(id, 1);
        (await new Client(app, streetless).Get("/api/issues")).Text("detail").ShouldContain("street");
        (await new Client(app, expired).Get("/api/issues")).Text("detail").ShouldContain("expired");
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_never_500()
    {
        (await _street.Host.Get($"/api/issues/{Guid.NewGuid()}")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Get("/api/issues/not-a-guid")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Post($"/api/issues/{Guid.NewGuid()}/close", new { reason = "x" })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Host.Post("/api/issues/not-a-guid/close", new { reason = "x" })).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.EventsOf(Guid.Empty)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_forbidden_transition_is_409_invalid_transition()
    {
        var id = await _street.Raise();

        var answer = await _street.Reporter.Post($"/api/issues/{id}/reopen", new { reason = "还没解决" });

        answer.ShouldHaveStatus(HttpStatusCode.Conflict);
        answer.ProblemType!.ShouldEndWith("invalid-transition");
        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await StreamVersionShouldBe(id, 1);
    }

    [Fact]
    public async Task Invalid_bodies_are_400_with_field_errors()
    {
        var id = await _street.Raise();

        var raise = await _street.Reporter.Post("/api/issues", new { title = "", description = new string('长', 4001), category = "parking", location = new { community = "明光社区" } });
        raise.ShouldHaveStatus(HttpStatusCode.BadRequest);
        raise.Body.GetProperty("errors").TryGetProperty("title", out _).ShouldBeTrue();
        raise.Body.GetProperty("errors").TryGetProperty("description", out _).ShouldBeTrue();

        var close = await _street.Host.Post($"/api/issues/{id}/close", new { reason = " " });
        close.ShouldHaveStatus(HttpStatusCode.BadRequest);
        close.Body.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        (await _street.Host.Post($"/api/issues/{id}/close", "{ not json")).ShouldHaveStatus(HttpStatusCode.BadRequest)
            .Body.GetProperty("errors").EnumerateObject().ShouldNotBeEmpty();
        var badCategory = await _street.Reporter.Post("/api/issues", new { title = "t", category = "spaceships", location = new { community = "c" } });
        badCategory.ShouldHaveStatus(HttpStatusCode.BadRequest).ProblemType!.ShouldEndWith("validation");
        badCategory.Body.GetProperty("errors").TryGetProperty("category", out _).ShouldBeTrue(badCategory.ToString());
        var badGrid = await _street.Reporter.Post("/api/issues", new { title = "t", category = "parking", location = new { community = "c", grid = "十二" } });
        badGrid.Body.GetProperty("errors").TryGetProperty("location.grid", out _).ShouldBeTrue(badGrid.ToString());
        await StreamVersionShouldBe(id, 1);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_quoted_or_bare()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());

        (await _street.Host.Post($"/api/issues/{id}/close", new { reason = "重复" }, ("If-Match", "\"1\""))).ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        (await _street.Host.Post($"/api/issues/{id}/close", new { reason = "重复" }, ("If-Match", "1"))).ShouldHaveStatus(HttpStatusCode.PreconditionFailed);
        await StreamVersionShouldBe(id, 2);

        (await _street.Host.Post($"/api/issues/{id}/close", new { reason = "重复" }, ("If-Match", "\"2\""))).ShouldHaveStatus(HttpStatusCode.OK);
        await StreamVersionShouldBe(id, 3);
    }

    [Fact]
    public async Task Of_twenty_concurrent_assigns_on_the_same_version_exactly_one_wins()
    {
        var id = await _street.Raise();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign($"company-{i}"), ("If-Match", "\"1\""))));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", answers.Select(a => a.ToString())));
        answers.Where(a => a.Status != HttpStatusCode.OK)
            .ShouldAllBe(a => a.Status == HttpStatusCode.Conflict || a.Status == HttpStatusCode.PreconditionFailed);
        (await _street.EventsOf(id)).Count(e => e.Data is Domain.Issues.IssueAssigned).ShouldBe(1);
    }

    private async Task StreamVersionShouldBe(Guid id, int version) => (await _street.EventsOf(id)).Count.ShouldBe(version);
}
