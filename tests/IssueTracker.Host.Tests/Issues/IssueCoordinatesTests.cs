using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class IssueCoordinatesTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    private static object At(string category, object lat, object lng) => new
    {
        title = "明光小区地锁占道", category,
        location = new { community = "明光社区", compound = "明光小区", lat, lng }
    };

    [Fact]
    public async Task An_issue_carries_its_coordinates_and_a_public_category_shows_them_to_everyone()
    {
        var id = await _street.Raise(At("parking", 31.8612, 117.283));
        foreach (var reader in new[] { _street.Reporter, _street.Assignee, _street.Host })
        {
            var location = (await reader.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("location");
            location.GetProperty("lat").GetDouble().ShouldBe(31.8612);
            location.GetProperty("lng").GetDouble().ShouldBe(117.283);
        }
    }

    [Fact]
    public async Task A_private_categorys_coordinates_are_shown_only_to_those_who_see_the_reporter()
    {
        var id = await _street.Raise(At("noise", 31.8612, 117.283));
        (await _street.Assignee.Get($"/api/issues/{id}")).Body.GetProperty("location").GetProperty("lat").ValueKind.ShouldBe(JsonValueKind.Null);
        (await _street.Reporter.Get("/api/issues")).Body.GetProperty("items")[0].GetProperty("location").GetProperty("lng").ValueKind
            .ShouldBe(JsonValueKind.Null);
        (await _street.Auditor.Get($"/api/issues/{id}")).Body.GetProperty("location").GetProperty("lat").GetDouble().ShouldBe(31.8612);
        (await _street.Host.Get("/api/issues")).Body.GetProperty("items")[0].GetProperty("location").GetProperty("lng").GetDouble().ShouldBe(117.283);
    }

    [Fact]
    public async Task Coordinates_out_of_range_alone_or_as_text_are_400_and_raise_nothing()
    {
        foreach (var (body, field) in new[]
                 {
                     (At("parking", 91, 117), "location.lat"), (At("parking", 31, -180.01), "location.lng"),
                     (new { title = "t", category = "parking", location = new { community = "明光社区", lat = 31.0 } }, "location.lng"),
                     (At("parking", "31.86", 117), "location.lat")
                 })
        {
            var answer = (await _street.Reporter.Post("/api/issues", body)).ShouldHaveStatus(HttpStatusCode.BadRequest);
            answer.Body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(answer.ToString());
        }
        (await _street.Host.Get("/api/issues")).Body.GetProperty("total").GetInt32().ShouldBe(0);
    }
}
