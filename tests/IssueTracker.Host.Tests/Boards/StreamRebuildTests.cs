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
    public async Task Rows_that_commands_write_while_their_street_rebuilds_are_folded_again_once_it_is_committed()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await _street.Raise());
        // Documents as an older projection left them: the rebuild is what puts them right.
        await Sql($"update {Schema}.mt_doc_issuedetails set data = jsonb_set(data, '{{title}}', '\"旧\"') where tenant_id = @street", _street.Id);
        await using var holder = new NpgsqlConnection(AppFixture.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        // The row the rebuild's upsert reaches first (a chunk is in stream order), held: the rebuild waits there,
        // having folded the street as it stood, while commands raise an issue and assign another.
        Guid held;
        await using (var first = new NpgsqlCommand($"select id from {Schema}.mt_doc_issuedetails where tenant_id = @street order by id limit 1 for update", holder, hold))
        {
            first.Parameters.AddWithValue("street", _street.Id);
            held = (Guid)(await first.ExecuteScalarAsync())!;
        }
        var rebuilding = Rebuild.RebuildAsync(nameof(IssueDetails), _street.Id, CancellationToken.None);
        await WaitUntilARebuildWaitsForALock("mt_doc_issuedetails_temp");

        var raised = await _street.Raise(Bodies.LeakingBuilding());
        var assigned = ids.First(x => x != held);
        (await _street.Host.Post($"/api/issues/{assigned}/assign", Bodies.Assign())).ShouldHaveStatus(System.Net.HttpStatusCode.OK);
        // The command built its row on the old document, and the rebuild must not overwrite it with its older fold.
        var written = await IssueDetailsRows(_street);
        written.Single(x => x.Contains(assigned.ToString())).ShouldContain("旧");
        written.Single(x => x.Contains(assigned.ToString())).ShouldContain(Street.PropertyCompany);
        await hold.RollbackAsync();

        var result = await rebuilding;
        result.Removed.ShouldBe(0);
        result.Refolded.ShouldBe(2);
        var settled = await IssueDetailsRows(_street);
        settled.Count.ShouldBe(4);
        settled.ShouldAllBe(x => !x.Contains("旧"));
        settled.Single(x => x.Contains(assigned.ToString())).ShouldContain(Street.PropertyCompany);
        settled.ShouldContain(x => x.Contains(raised.ToString()));
        // As a rebuild with nothing else going on folds them.
        (await Rebuild.RebuildAsync(nameof(IssueDetails), _street.Id, CancellationToken.None)).Refolded.ShouldBe(0);
        (await IssueDetailsRows(_street)).ShouldBe(settled);
    }

    [Fact]
    public async Task A_street_with_no_rows_left_is_copied_straight_into_its_tables_every_column_as_the_daemon_wrote_it()
    {
        var now = DateTimeOffset.UtcNow;
        await DemoSeeder.SeedAsync(app.Store, _street.Id, now);
        await app.CaughtUp();
        var live = await Documents(_street);
        var board = await _street.StatusBoard("community");
        foreach (var table in Tables) await Sql($"delete from {Schema}.{table} where tenant_id = @street", _street.Id);

        var results = await Rebuild.RebuildAsync(Projections, _street.Id, CancellationToken.None);

        (await Documents(_street)).ShouldBe(live);
        (await _street.StatusBoard("community")).ShouldBe(board);
        results.ShouldAllBe(x => x.Documents > 0 && x.Removed == 0);
    }

    [Fact]
    public async Task A_row_written_while_an_empty_street_is_copied_straight_makes_the_rebuild_write_the_street_over_it()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await _street.Raise());
        var live = await IssueDetailsRows(_street);
        await Sql($"delete from {Schema}.mt_doc_issuedetails where tenant_id = @street", _street.Id);
        await using var writer = new NpgsqlConnection(AppFixture.ConnectionString);
        await writer.OpenAsync();
        await using var writing = await UncommittedRowAsync(writer, ids.Order().First());
        var rebuilding = Rebuild.RebuildAsync(nameof(IssueDetails), _street.Id, CancellationToken.None);
        await WaitUntilARebuildWaitsForALock("COPY %mt_doc_issuedetails");
        await writing.CommitAsync();

        var result = await rebuilding;

        result.Documents.ShouldBe(3);
        (await IssueDetailsRows(_street)).ShouldBe(live);
    }

    [Fact]
    public async Task A_stream_that_moves_on_while_its_emptied_street_rebuilds_is_folded_again_to_its_newest_event()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await _street.Raise());
        await Sql($"delete from {Schema}.mt_doc_issuedetails where tenant_id = @street", _street.Id);
        var first = ids.Order().First();
        await using var writer = new NpgsqlConnection(AppFixture.ConnectionString);
        await writer.OpenAsync();
        await using var writing = await UncommittedRowAsync(writer, first);
        var rebuilding = Rebuild.RebuildAsync(nameof(IssueDetails), _street.Id, CancellationToken.None);
        await WaitUntilARebuildWaitsForALock("COPY %mt_doc_issuedetails");
        // While the street is folded as it stood, an issue is assigned: its command finds no document to update.
        var assigned = ids.First(x => x != first);
        (await _street.Host.Post($"/api/issues/{assigned}/assign", Bodies.Assign())).ShouldHaveStatus(System.Net.HttpStatusCode.OK);
        await writing.RollbackAsync();

        (await rebuilding).Refolded.ShouldBe(1);
        var rows = await IssueDetailsRows(_street);
        rows.Count.ShouldBe(3);
        rows.Single(x => x.Contains(assigned.ToString())).ShouldContain(Street.PropertyCompany);
    }

    /// <summary>Another writer's IssueDetails row for the stream the copy reaches first, not yet committed: the copy waits for it.</summary>
    private async Task<NpgsqlTransaction> UncommittedRowAsync(NpgsqlConnection writer, Guid id)
    {
        var writing = await writer.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand($"insert into {Schema}.mt_doc_issuedetails (tenant_id, id, data) values (@street, @id, '{{}}')", writer, writing);
        insert.Parameters.AddWithValue("street", _street.Id);
        insert.Parameters.AddWithValue("id", id);
        await insert.ExecuteNonQueryAsync();
        return writing;
    }

    private async Task WaitUntilARebuildWaitsForALock(string query)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(20); await Task.Delay(50))
        {
            await using var waiting = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%' || @query || '%'", connection);
            waiting.Parameters.AddWithValue("query", query);
            if ((long)(await waiting.ExecuteScalarAsync())! > 0) return;
        }
        throw new TimeoutException("The rebuild never reached the held row.");
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

    private Task<List<string>> IssueDetailsRows(Street street) =>
        Rows(street, "(to_jsonb(t) - 'mt_last_modified')::text", "mt_doc_issuedetails");

    private async Task<List<string>> Rows(Street street, string select, params string[] tables)
    {
        var rows = new List<string>();
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables.Length > 0 ? tables : Tables)
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
