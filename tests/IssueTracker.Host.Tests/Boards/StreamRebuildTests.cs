using IssueTracker.Host.Demo;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.StatusBoard;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>
/// The rebuild that folds streams in memory and writes with COPY (<see cref="StreamRebuild"/>): for one street, it
/// restores what a broken projection left, every column as the daemon wrote it, and writes nothing of any other
/// street. (The whole store's rebuild runs per street the same way; the benchmark's smoke test runs it.)
/// </summary>
[Collection(AppCollection.Name)]
public class StreamRebuildTests(AppFixture app)
{
    private static readonly string[] Projections = ["StatusBoard", "AssigneeQueue", nameof(IssueDetails)];
    private static readonly string[] Tables = ["mt_doc_statusboardrow", "mt_doc_assigneequeueitem", "mt_doc_issuedetails"];
    private readonly Street _street = app.NewStreet();

    private StreamRebuild Rebuild => app.Host.Services.GetRequiredService<StreamRebuild>();

    [Fact]
    public async Task Rebuilding_one_street_restores_its_documents_and_writes_nothing_of_another_street()
    {
        var other = app.NewStreet();
        var now = DateTimeOffset.UtcNow;
        await DemoSeeder.SeedAsync(app.Store, _street.Id, now);
        await DemoSeeder.SeedAsync(app.Store, other.Id, now);
        await app.CaughtUp();
        var live = await Documents(_street);
        var board = await _street.StatusBoard("community");
        var otherRows = await StoredRows(other);
        var otherBoard = await other.StatusBoard("community");

        // What a broken projection leaves behind: rows lost, a row wrong, a row that no stream produces.
        await Sql($"delete from {Schema}.mt_doc_statusboardrow where tenant_id = @street and id in (select id from {Schema}.mt_doc_statusboardrow where tenant_id = @street order by id limit 3)", _street.Id);
        await Sql($"update {Schema}.mt_doc_issuedetails set data = jsonb_set(data, '{{title}}', '\"错\"') where tenant_id = @street", _street.Id);
        await Sql($"delete from {Schema}.mt_doc_assigneequeueitem where tenant_id = @street", _street.Id);
        await using (var session = app.Store.LightweightSession(_street.Id))
        {
            session.Store(new StatusBoardRow { Id = Guid.NewGuid(), Street = _street.Id, Title = "无此议题", Community = "明光社区", Category = Domain.Issues.IssueCategory.Other, RaisedAt = now });
            await session.SaveChangesAsync();
        }
        (await _street.StatusBoard("community")).ShouldNotBe(board);

        var results = new List<StreamRebuildResult>();
        foreach (var projection in Projections) results.Add(await Rebuild.RebuildAsync(projection, _street.Id, CancellationToken.None));

        (await Documents(_street)).ShouldBe(live);
        (await _street.StatusBoard("community")).ShouldBe(board);
        results.Single(x => x.Projection == "StatusBoard").Removed.ShouldBe(1);
        results.ShouldAllBe(x => x.Street == _street.Id && x.Events > 0 && x.Documents > 0);
        // Not rewritten with the same values: not written at all (mt_last_modified would move).
        (await StoredRows(other)).ShouldBe(otherRows);
        (await other.StatusBoard("community")).ShouldBe(otherBoard);

        // The shard was started again where it stood: the next command reaches the board.
        await _street.Raise(Bodies.LoosePoultry());
        await app.CaughtUp();
        (await Documents(_street)).Count.ShouldBe(live.Count + 3);
    }

    [Fact]
    public async Task A_name_that_is_no_rebuildable_projection_is_refused_and_changes_nothing()
    {
        Projections.ShouldBeSubsetOf(Rebuild.Rebuildable);
        Rebuild.Rebuildable.ShouldNotContain("IssueWriteModel");
        var refused = await Should.ThrowAsync<ArgumentException>(() => Rebuild.RebuildAsync("IssueWriteModel", _street.Id, CancellationToken.None));
        refused.Message.ShouldContain("StatusBoard");
    }

    private string Schema => app.Store.Options.DatabaseSchemaName;

    private async Task Sql(string sql, string street)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("street", street);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every column of the street's rows in the three tables, Marten's metadata included.</summary>
    private Task<List<string>> StoredRows(Street street) => Rows(street, "t::text");

    /// <summary>The documents with every column Marten keeps beside them but the time they were written.</summary>
    private Task<List<string>> Documents(Street street) => Rows(street, "(to_jsonb(t) - 'mt_last_modified')::text");

    private async Task<List<string>> Rows(Street street, string select)
    {
        var rows = new List<string>();
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in Tables)
        {
            await using var command = new NpgsqlCommand($"select {select} from {Schema}.{table} t where tenant_id = @street order by id", connection);
            command.Parameters.AddWithValue("street", street.Id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        rows.Count.ShouldBeGreaterThan(0);
        return rows;
    }
}
