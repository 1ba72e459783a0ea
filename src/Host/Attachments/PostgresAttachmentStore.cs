using System.Data;
using JasperFx;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace IssueTracker.Host.Attachments;

/// <summary>
/// Attachments in a table of their own (not a Marten document): bytes stream in from a file and out through a
/// sequential reader, so a file is never held whole in memory.
/// </summary>
public sealed class PostgresAttachmentStore(IDocumentStore store) : IAttachmentStore
{
    public const string Table = CritterStackSetup.Schema + ".attachment_files";
    private readonly SemaphoreSlim _ensure = new(1, 1);
    private bool _ensured;

    /// <summary>The table, for Marten's schema management (db-apply, db-assert, creation in Development).</summary>
    public static Table Definition()
    {
        var table = new Table(Table);
        table.AddColumn<string>("tenant_id").AsPrimaryKey().NotNull();
        table.AddColumn<Guid>("id").AsPrimaryKey().NotNull();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn<DateTimeOffset>("stored_at").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    public async Task SaveAsync(string street, Guid id, Stream content, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var insert = new NpgsqlCommand($"insert into {Table} (tenant_id, id, content) values ($1, $2, $3)", connection)
        {
            Parameters = { new() { Value = street }, new() { Value = id }, new() { Value = content, NpgsqlDbType = NpgsqlDbType.Bytea } }
        };
        await insert.ExecuteNonQueryAsync(ct);
    }

    public async Task<Stream?> OpenReadAsync(string street, Guid id, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            var select = new NpgsqlCommand($"select content from {Table} where tenant_id = $1 and id = $2", connection)
            {
                Parameters = { new() { Value = street }, new() { Value = id } }
            };
            var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.CloseConnection, ct);
            if (!await reader.ReadAsync(ct))
            {
                await reader.DisposeAsync();
                return null;
            }
            return new ReaderStream(reader, await reader.GetStreamAsync(0, ct));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<StoredFile>> ListStoredBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var select = new NpgsqlCommand($"select tenant_id, id from {Table} where stored_at < $1", connection)
        {
            Parameters = { new() { Value = before.ToUniversalTime() } }
        };
        await using var reader = await select.ExecuteReaderAsync(ct);
        var files = new List<StoredFile>();
        while (await reader.ReadAsync(ct)) files.Add(new StoredFile(reader.GetString(0), reader.GetGuid(1)));
        return files;
    }

    public async Task DeleteAsync(string street, Guid id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var delete = new NpgsqlCommand($"delete from {Table} where tenant_id = $1 and id = $2", connection)
        {
            Parameters = { new() { Value = street }, new() { Value = id } }
        };
        await delete.ExecuteNonQueryAsync(ct);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        if (!_ensured) await EnsureTable(connection, ct);
        return connection;
    }

    /// <summary>
    /// Marten creates its own tables when first used; this one it only knows for db-apply and db-assert, so where the
    /// store may change the schema (Development), the table is created on first use the same way.
    /// </summary>
    private async Task EnsureTable(NpgsqlConnection connection, CancellationToken ct)
    {
        await _ensure.WaitAsync(ct);
        try
        {
            var autoCreate = ((StoreOptions)store.Options).AutoCreateSchemaObjects;
            if (!_ensured && autoCreate != AutoCreate.None)
            {
                var migration = await SchemaMigration.DetermineAsync(connection, ct, Definition());
                if (migration.Difference != SchemaPatchDifference.None)
                    await new PostgresqlMigrator().ApplyAllAsync(connection, migration, autoCreate, ct: ct);
            }
            _ensured = true;
        }
        finally
        {
            _ensure.Release();
        }
    }

    /// <summary>The column's stream, closing its reader (and so its connection) when the response is done with it.</summary>
    private sealed class ReaderStream(NpgsqlDataReader reader, Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            inner.ReadAsync(buffer, offset, count, ct);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await reader.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                reader.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
