using System.Net;
using System.Text;

namespace IssueTracker.Host.Tests.Reliability;

[Collection(AppCollection.Name)]
public class RequestLimitTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_body_over_64_KiB_is_413()
    {
        var huge = """{"title":"t","description":"DESC","category":"parking","location":{"community":"c"}}"""
            .Replace("DESC", new string('x', 70_000));

        (await _street.Reporter.Post("/api/issues", huge)).ShouldHaveStatus(HttpStatusCode.RequestEntityTooLarge);
        (await _street.Reporter.Get("/api/issues")).Text("total").ShouldBe("0");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var answer = await _street.Reporter.Send(HttpMethod.Post, "/api/issues",
            new StringContent("title=地锁", Encoding.UTF8, "application/x-www-form-urlencoded"));

        answer.ShouldHaveStatus(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("""{"title":"t","category":"parking","location":{"community":"c"},"unknownField":{"nested":[1,2]}}""", HttpStatusCode.Created)]
    [InlineData("""{"title":123,"category":"parking","location":{"community":"c"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"title":null,"category":"parking","location":{"community":"c"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"title":"t","category":3,"location":{"community":"c"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"title":"t","category":"parking","location":null}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"title":"t","category":"parking","location":{"community":"c","grid":"twelve"}}""", HttpStatusCode.BadRequest)]
    [InlineData("""[]""", HttpStatusCode.BadRequest)]
    [InlineData("""null""", HttpStatusCode.BadRequest)]
    public async Task Odd_bodies_get_a_clear_4xx_never_a_500(string body, HttpStatusCode expected) =>
        (await _street.Reporter.Post("/api/issues", body)).ShouldHaveStatus(expected);

    [Fact]
    public async Task Get_answers_if_none_match_with_304()
    {
        var id = await _street.Raise();

        var answer = await _street.Host.Get($"/api/issues/{id}", ("If-None-Match", "\"1\""));

        answer.ShouldHaveStatus(HttpStatusCode.NotModified);
        (await _street.Host.Get($"/api/issues/{id}", ("If-None-Match", "\"0\""))).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
