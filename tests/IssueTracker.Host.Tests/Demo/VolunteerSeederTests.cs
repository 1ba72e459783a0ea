using System.Net;
using IssueTracker.Host.Demo;
using IssueTracker.Host.Tests.Volunteers;

namespace IssueTracker.Host.Tests.Demo;

[Collection(AppCollection.Name)]
public class VolunteerSeederTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_demo_street_gets_its_volunteers_rewards_wishes_and_lists_once_and_they_verify()
    {
        var added = await VolunteerSeeder.SeedAsync(app.Store, _street.Id, DateTimeOffset.UtcNow);
        added.ShouldBeGreaterThan(15);
        (await VolunteerSeeder.SeedAsync(app.Store, _street.Id, DateTimeOffset.UtcNow)).ShouldBe(0);

        var wu = (await _street.Volunteer("vol-wu").Get("/api/volunteers/me")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        (wu.GetProperty("hours").GetDecimal(), wu.GetProperty("points").GetInt32()).ShouldBe((8.5m, 85));
        (await _street.Host.Get("/api/rewards")).Body.GetProperty("items").GetArrayLength().ShouldBe(4);
        (await _street.Host.Get("/api/wishes?status=open")).Body.GetProperty("items").GetArrayLength().ShouldBe(2);
        (await _street.Host.Get("/api/needs/matches")).Body.GetProperty("items").EnumerateArray()
            .ShouldAllBe(m => m.GetProperty("resources").GetArrayLength() == 1);
        var teams = (await _street.Host.Get("/api/ledgers/teams")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("rows");
        teams.GetArrayLength().ShouldBe(6);
        (await _street.Verify()).Streams.ShouldBe(added);
    }
}
