using IssueTracker.Domain.Issues;
using IssueTracker.Host.Issues;
using IssueTracker.Projections.IssueDetails;
using Marten;
using Marten.Linq;
using Npgsql;

namespace IssueTracker.Host.Tests.Issues;

[Collection(AppCollection.Name)]
public class ListIndexTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    private async Task Load(string street, int count)
    {
        var raised = DateTimeOffset.UtcNow;
        await app.Store.BulkInsertDocumentsAsync(street, Enumerable.Range(0, count).Select(i => new IssueDetails
        {
            Id = Guid.NewGuid(), Title = $"#{i}", Location = new Location("明光社区", null, null, 12), Status = IssueStatus.Assigned,
            RaisedAt = raised.AddMinutes(-i), UpdatedAt = raised.AddSeconds(-i), DueBy = raised.AddHours(i % 500), Version = 1
        }).ToList());
    }

    /// <summary>Every sort the list offers reads its page from a (tenant_id, column, id) index: no Sort over the street's rows.</summary>
    [Fact]
    public async Task Each_sort_reads_the_page_from_the_streets_own_index()
    {
        // The district's largest street beside a smaller one.
        await Load(_street.Id, 5_000);
        await Load(app.NewStreet().Id, 2_000);
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("analyze issuetracker.mt_doc_issuedetails", connection)) await analyze.ExecuteNonQueryAsync();

        await using var session = app.Store.QuerySession(_street.Id);
        foreach (var sort in IssueFilter.Sorts)
        {
            var filter = new IssueFilter(null, null, null, null, null, null, null, null, null, null, sort);
            var page = filter.Sorted(session.Query<IssueDetails>()).Skip(100).Take(50).ToCommand(FetchType.FetchMany);
            var plan = await QueryPlans.Of(connection, page.CommandText, page.Parameters.Cast<NpgsqlParameter>().Select(x => x.Clone()));

            var column = sort.TrimStart('-') switch { "raisedAt" => "raised_at", "updatedAt" => "updated_at", _ => "due_by" };
            plan.ShouldContain(line => line.Contains($"Index Scan") && line.Contains($"idx_{column}"), string.Join("\n", plan));
            plan.ShouldContain(line => line.Contains("Index Cond: ((tenant_id)"), string.Join("\n", plan));
            plan.ShouldNotContain(line => line.Contains("Sort"), string.Join("\n", plan));
        }
    }
}
