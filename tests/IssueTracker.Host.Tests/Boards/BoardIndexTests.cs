using System.Text.RegularExpressions;
using IssueTracker.Host.Boards;
using IssueTracker.Projections.StatusBoard;
using Marten;
using Npgsql;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>
/// The two parts of a board read that look at rows, not counters, read the street's own index ranges: the work past
/// its due date whose timer has not fired, and a median between two histogram buckets. Neither scans the street.
/// </summary>
[Collection(AppCollection.Name)]
public class BoardIndexTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    private async Task Load(string street, int count)
    {
        var raised = DateTimeOffset.UtcNow.AddDays(-60);
        await app.Store.BulkInsertDocumentsAsync(street, Enumerable.Range(0, count).Select(i => new StatusBoardRow
        {
            Id = Guid.NewGuid(), Street = street, Title = $"#{i}", Community = i % 3 == 0 ? "明光社区" : "滨河社区", RaisedAt = raised,
            // Half resolved after 0.0-49.9 days; of the rest, most past their due date and flagged, as fired timers leave them.
            ResolvedAt = i % 2 == 0 ? raised.AddHours(i % 1_200) : null,
            AwaitingResolution = i % 2 == 1, DueBy = i % 2 == 1 ? raised.AddDays(7) : null, Overdue = i % 2 == 1 && i % 100 != 1
        }).ToList());
    }

    [Fact]
    public async Task The_boards_row_reads_use_the_streets_index_ranges()
    {
        await Load(_street.Id, 6_000);
        await Load(app.NewStreet().Id, 3_000);
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("analyze issuetracker.mt_doc_statusboardrow", connection)) await analyze.ExecuteNonQueryAsync();
        await using var session = app.Store.QuerySession(_street.Id);
        var rows = BoardSql.Rows(session);

        var pastDue = await Plan(connection, GetStatusBoardEndpoint.PastDueSql(rows, "community"), _street.Id, DateTimeOffset.UtcNow);
        pastDue.ShouldContain(line => line.Contains("Index") && line.Contains("idx_due_by"), string.Join("\n", pastDue));
        pastDue.ShouldContain(line => line.Contains("Index Cond") && line.Contains("(tenant_id)::text = "), string.Join("\n", pastDue));
        pastDue.ShouldNotContain(line => line.Contains("Seq Scan"), string.Join("\n", pastDue));

        foreach (var grouped in new[] { false, true })
        {
            object[] parameters = grouped ? [120, 121, _street.Id, 119, 122, "明光社区"] : [120, 121, _street.Id, 119, 122];
            var middle = await Plan(connection, GetStatusBoardEndpoint.MiddleSql(rows, "community", grouped), parameters);
            middle.ShouldContain(line => line.Contains("Index") && line.Contains("idx_resolution_tenths"), string.Join("\n", middle));
            middle.ShouldContain(line => line.Contains("Index Cond") && line.Contains("(tenant_id)::text = "), string.Join("\n", middle));
            middle.ShouldNotContain(line => line.Contains("Seq Scan"), string.Join("\n", middle));
        }
    }

    /// <summary>The plan of a statement written with Marten's positional <c>?</c> placeholders.</summary>
    private static Task<List<string>> Plan(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var position = 0;
        return QueryPlans.Of(connection, Regex.Replace(sql, @"\?", _ => $"${++position}"), parameters.Select(x => new NpgsqlParameter { Value = x }));
    }
}
