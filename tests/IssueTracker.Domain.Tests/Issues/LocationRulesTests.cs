using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

public class LocationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Reporter = new("grid-12", "网格员小陈", Roles.Reporter, null);

    private static Decision RaiseAt(double? lat, double? lng) =>
        Issue.Raise(Samples.ParkingLock() with { Location = new Location("明光社区", "明光小区", "3栋", 12, lat, lng) }, Reporter, Now);

    [Theory]
    [InlineData(31.8612, 117.283)]
    [InlineData(-90.0, -180.0)]
    [InlineData(90.0, 180.0)]
    public void Coordinates_within_WGS84_ranges_are_kept(double lat, double lng)
    {
        var raised = RaiseAt(lat, lng).Events.ShouldHaveSingleItem().ShouldBeOfType<IssueRaised>();
        raised.Location.Lat.ShouldBe(lat);
        raised.Location.Lng.ShouldBe(lng);
    }

    [Fact]
    public void Coordinates_are_optional() =>
        RaiseAt(null, null).Events.ShouldHaveSingleItem().ShouldBeOfType<IssueRaised>().Location.Lat.ShouldBeNull();

    [Theory]
    [InlineData(90.0001, 117.0, "location.lat")]
    [InlineData(-91.0, 117.0, "location.lat")]
    [InlineData(31.0, 180.5, "location.lng")]
    [InlineData(31.0, -181.0, "location.lng")]
    [InlineData(double.NaN, 117.0, "location.lat")]
    [InlineData(31.0, double.PositiveInfinity, "location.lng")]
    [InlineData(31.0, null, "location.lng")]
    [InlineData(null, 117.0, "location.lat")]
    public void Coordinates_out_of_range_or_alone_are_refused(double? lat, double? lng, string field) =>
        RaiseAt(lat, lng).Rejection.ShouldBeOfType<InvalidInput>().Errors.Keys.ShouldBe([field]);
}
