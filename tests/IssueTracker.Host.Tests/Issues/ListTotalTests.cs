using System.Net;
using IssueTracker.Domain.Issues;
using IssueTracker.Host.Issues;
using IssueTracker.Projections.IssueDetails;
using Marten;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class ListTotalTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_total_is_exact_up_to_ten_thousand_matches_and_says_so_beyond()
    {
        await Load(ListIssuesEndpoint.ExactTotalUpTo - 1, IssueCategory.Parking);
        await Load(1, IssueCategory.Noise);
        (await Total("/api/issues?pageSize=1")).ShouldBe((10_000, true));
        (await Total("/api/issues?category=noise")).ShouldBe((1, true));

        await Load(1, IssueCategory.Noise);
        (await Total("/api/issues?pageSize=1")).ShouldBe((10_001, false));
        (await Total("/api/issues?category=noise")).ShouldBe((2, true));
        (await Total("/api/issues?category=parking&page=2&pageSize=5")).ShouldBe((9_999, true));
        (await app.NewStreet().Host.Get("/api/issues")).Body.GetProperty("totalIsExact").GetBoolean().ShouldBeTrue();
    }

    /// <summary>Documents straight into the list's table: ten thousand issues through the API would take minutes.</summary>
    private async Task Load(int count, IssueCategory category)
    {
        var raised = DateTimeOffset.UtcNow;
        var issues = Enumerable.Range(0, count).Select(i => new IssueDetails
        {
            Id = Guid.NewGuid(), Title = $"#{i}", Category = category, Location = new Location("明光社区", "明光小区", "3栋", 12),
            Status = IssueStatus.Raised, RaisedAt = raised.AddSeconds(-i), UpdatedAt = raised, Version = 1
        }).ToList();
        await app.Store.BulkInsertDocumentsAsync(_street.Id, issues);
    }

    private async Task<(long, bool)> Total(string url)
    {
        var page = (await _street.Host.Get(url)).ShouldHaveStatus(HttpStatusCode.OK).Body;
        return (page.GetProperty("total").GetInt64(), page.GetProperty("totalIsExact").GetBoolean());
    }
}
