using IssueTracker.Host.Audit;
using IssueTracker.Host.Boards;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events;
using Marten.Events.Aggregation;
using Marten.Events.Daemon.Coordination;
using Marten.Internal.Storage;
using Marten.Schema;
using Marten.Schema.BulkLoading;
using Marten.Storage;
using Npgsql;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// What a rebuild runs around one street's documents of one type, inside their transaction: a table the rows' triggers
/// keep is paused <see cref="Before"/> and counted again <see cref="After"/> (with <c>@street</c>), once instead of row by row.
/// </summary>
public interface IRebuildCompanion
{
    Type DocumentType { get; }
    string Before { get; }
    string After { get; }
}

/// <summary>
/// What one rebuild did: the events folded, the documents written and removed, the sequence it reached, and the
/// documents folded again because a command or the daemon wrote them while their street was rebuilt.
/// </summary>
public sealed record StreamRebuildResult(string Projection, string? Street, long Events, long Documents, long Removed, long UpTo, long Refolded = 0);

/// <summary>
/// Rebuilds single-stream projections (one document per stream, folded by their <c>Evolve</c>) for the whole store or
/// for one street. Each street's events are read once, in stream order, and folded in memory by every projection
/// asked for; the documents are copied (COPY) into a temporary table and upserted from it, and the street's
/// documents no stream produces any more are deleted, in one transaction per street: a reader sees the old board or
/// the new one, and other streets' rows are not written. Marten's own rebuild writes an aggregation's documents one
/// INSERT statement at a time, each parsed and planned on its own; that bound its rate (docs/benchmarks.md).
/// In a running host the shards keep running (stopping one under Wolverine's distribution stalled it for up to a
/// minute) and commands go on: a row that a command or the daemon writes meanwhile is kept as written, neither
/// overwritten nor deleted, and once the street is committed every such row (one this rebuild's transactions did not
/// write last) is folded again from its stream, in a few short passes, because its writer may have built it on the
/// document from before the rebuild. A writer that read that document and commits after the last pass is not caught:
/// exact to the last stream is the <c>rebuild</c> command with the service stopped, which refuses while a live host
/// runs the shards; in a cluster, a host rebuilds only the shards it runs itself.
/// </summary>
public sealed class StreamRebuild(IDocumentStore store, IProjectionCoordinator coordinator, BoardChanges boards,
    IEnumerable<IRebuildCompanion> companions)
{
    /// <summary>Documents per COPY: a large street is not held in memory at once.</summary>
    private const int ChunkSize = 5_000;

    /// <summary>
    /// Passes that fold again the rows others wrote while a street was rebuilt. A writer that read the document from
    /// before the rebuild commits within moments of the street's commit; the passes after the first catch the stragglers.
    /// </summary>
    private const int SettlingPasses = 3;

    private StoreOptions Options => (StoreOptions)store.Options;

    public IReadOnlyList<string> Rebuildable => Sources().Select(x => x.Name).ToList();

    public async Task<StreamRebuildResult> RebuildAsync(string projection, string? street, CancellationToken ct) =>
        (await RebuildAsync([projection], street, ct)).Single();

    public async Task<IReadOnlyList<StreamRebuildResult>> RebuildAsync(IReadOnlyList<string> projections, string? street, CancellationToken ct)
    {
        var sources = projections.Select(name => Sources().SingleOrDefault(x => x.Name == name)
            ?? throw new ArgumentException($"'{name}' is not a projection this store rebuilds; these are: {string.Join(", ", Rebuildable)}.")).ToList();
        var tables = EventTables.Of(store);
        var daemon = LocalDaemon();
        var shards = sources.Where(x => x.Lifecycle == ProjectionLifecycle.Async).Select(x => $"{x.Name}:All").ToList();
        var runningHere = daemon is null ? [] : shards.Where(shard => daemon.CurrentAgents().Any(x => x.Name.Identity == shard)).ToList();
        await using var connection = await OpenAsync(ct);
        await RefuseWhileAnotherHostRunsAsync(connection, shards.Except(runningHere).ToList(), ct);
        var moveShards = street is null && daemon is null;
        var targets = await TargetsAsync(connection, sources, moveShards, ct);
        var streets = street is null ? await ColumnAsync<string>(connection, $"select distinct tenant_id from {tables.Events}", ct) : [street];

        var totals = targets.ToDictionary(x => x.Source.Name, _ => (Events: 0L, Documents: 0L, Removed: 0L, Refolded: 0L));
        foreach (var one in streets)
        {
            var ours = targets.ToDictionary(x => x.Source.Name, _ => new List<long>());
            List<StreetWritten> rebuilt;
            try
            {
                rebuilt = await RebuildStreetAsync(targets, one, null, ct, straight: true);
            }
            catch (PostgresException conflict) when (conflict.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A command or the daemon wrote a row of a street whose table was empty while it was copied straight
                // into it: the street again, over the rows it has now.
                rebuilt = await RebuildStreetAsync(targets, one, null, ct, straight: false);
            }
            foreach (var written in rebuilt)
            {
                var total = totals[written.Name];
                totals[written.Name] = total with
                {
                    Events = total.Events + written.Events,
                    Documents = total.Documents + written.Documents,
                    Removed = total.Removed + written.Removed
                };
                ours[written.Name].Add(written.Transaction);
            }
            var folded = targets.ToDictionary(x => x.Source.Name, x => x.UpTo);
            foreach (var (name, refolded) in await SettleAsync(connection, sources, moveShards, one, ours, folded, ct))
                totals[name] = totals[name] with { Refolded = totals[name].Refolded + refolded };
        }
        if (street is null)
        {
            foreach (var (source, upTo) in targets)
            {
                var table = TableOf(DocumentType(source)!);
                var gone = await ExecuteAsync(connection, $"delete from {table} d where tenant_id <> all(@streets) and not {MovedOn(tables, "d")}", ct,
                    ("streets", streets.ToArray()), ("upTo", upTo));
                totals[source.Name] = totals[source.Name] with { Removed = totals[source.Name].Removed + gone };
                if (source.Lifecycle == ProjectionLifecycle.Async && moveShards)
                    await ExecuteAsync(connection, $"""
                        insert into {tables.Progression} (name, last_seq_id, last_updated) values (@shard, @upTo, transaction_timestamp())
                        on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
                        """, ct, ("shard", $"{source.Name}:All"), ("upTo", upTo));
            }
        }
        foreach (var one in streets) boards.Publish(one);
        return targets.Select(x => new StreamRebuildResult(x.Source.Name, street, totals[x.Source.Name].Events,
            totals[x.Source.Name].Documents, totals[x.Source.Name].Removed, x.UpTo, totals[x.Source.Name].Refolded)).ToList();
    }

    /// <summary>
    /// How far each projection is folded. Where a daemon runs, an async projection is folded up to where its shard
    /// stands, which it keeps: the shard goes on from there for every street alike (a moved position would make its
    /// next batch fail). With no daemon anywhere (the rebuild command, the service stopped), the store is folded to
    /// its newest event and the shards moved there. An inline projection is folded up to the newest event.
    /// </summary>
    private async Task<List<(IProjectionSource<IDocumentOperations, IQuerySession> Source, long UpTo)>> TargetsAsync(NpgsqlConnection connection,
        IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> sources, bool moveShards, CancellationToken ct)
    {
        var tables = EventTables.Of(store);
        var newest = await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from {tables.Events}", ct);
        var targets = new List<(IProjectionSource<IDocumentOperations, IQuerySession> Source, long UpTo)>();
        foreach (var source in sources)
            targets.Add((source, source.Lifecycle != ProjectionLifecycle.Async || moveShards ? newest
                : await ScalarAsync(connection, $"select coalesce(max(last_seq_id), 0) from {tables.Progression} where name = '{source.Name}:All'", ct)));
        return targets;
    }

    /// <summary>
    /// Folds again, from their streams, what others changed while the street was rebuilt: the rows this rebuild's
    /// transactions (<paramref name="ours"/>, per projection) did not write last, which a command or the daemon wrote,
    /// perhaps on the document from before the rebuild; and the streams with events past the point they were folded
    /// to (<paramref name="folded"/>), whose writer may have found no document to apply them to. Each pass folds them
    /// up to where the projection stands now; a row written since from a newer event is again left as it is, and is
    /// folded in the next pass.
    /// </summary>
    private async Task<Dictionary<string, long>> SettleAsync(NpgsqlConnection connection,
        IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> sources, bool moveShards, string street,
        Dictionary<string, List<long>> ours, Dictionary<string, long> folded, CancellationToken ct)
    {
        var events = EventTables.Of(store).Events;
        var refolded = sources.ToDictionary(x => x.Name, _ => 0L);
        for (var pass = 0; pass < SettlingPasses; pass++)
        {
            var targets = await TargetsAsync(connection, sources, moveShards, ct);
            var moved = new HashSet<Guid>();
            foreach (var (source, upTo) in targets)
            {
                var ids = await ColumnAsync<Guid>(connection, $"""
                    select id from {TableOf(DocumentType(source)!)} where tenant_id = @street and xmin::text::bigint <> all(@ours)
                    union select stream_id from {events} where tenant_id = @street and seq_id > @folded and seq_id <= @upTo
                    """, ct, ("street", street), ("ours", ours[source.Name].ToArray()), ("folded", folded[source.Name]), ("upTo", upTo));
                moved.UnionWith(ids);
            }
            if (moved.Count == 0) break;
            foreach (var written in await RebuildStreetAsync(targets, street, moved, ct))
            {
                ours[written.Name].Add(written.Transaction);
                refolded[written.Name] += written.Documents;
            }
            foreach (var (source, upTo) in targets) folded[source.Name] = upTo;
        }
        return refolded;
    }

    /// <summary>The daemon this process runs, if any (none in the rebuild command, nor under Wolverine before it assigns agents here).</summary>
    private JasperFx.Events.Daemon.IProjectionDaemon? LocalDaemon()
    {
        try
        {
            return coordinator.DaemonForMainDatabase();
        }
        catch (Wolverine.Runtime.Agents.DaemonNotRunningOnThisNodeException)
        {
            return null;
        }
    }

    private IEnumerable<IProjectionSource<IDocumentOperations, IQuerySession>> Sources() =>
        Options.Projections.All.Where(x => x.Lifecycle != ProjectionLifecycle.Live && DocumentType(x) is not null);

    private static Type? DocumentType(object source)
    {
        for (var type = source.GetType(); type is not null; type = type.BaseType)
            if (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>)
                && type.GetGenericArguments()[1] == typeof(Guid))
                return type.GetGenericArguments()[0];
        return null;
    }

    /// <summary>
    /// Whether the stream of the row aliased <paramref name="row"/> has events past the point it is folded to
    /// (<c>@upTo</c>): then a command or the daemon wrote the row from them, and the rebuild leaves it.
    /// </summary>
    private static string MovedOn(EventTables tables, string row) =>
        $"exists (select 1 from {tables.Events} e where e.tenant_id = {row}.tenant_id and e.stream_id = {row}.id and e.seq_id > @upTo)";

    private string TableOf(Type documentType) => ((DocumentMapping)store.Options.FindOrResolveDocumentType(documentType)).TableName.QualifiedName;

    /// <summary>Two hosts writing one shard's documents would undo each other: the live host that runs it must rebuild it.</summary>
    private async Task RefuseWhileAnotherHostRunsAsync(NpgsqlConnection connection, IReadOnlyList<string> shards, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        if (shards.Count == 0 || await ScalarAsync(connection, $"select count(*) from pg_tables where schemaname = '{schema}' and tablename = 'wolverine_node_assignments'", ct) == 0)
            return;
        var suffixes = shards.Select(x => "/" + x.ToLowerInvariant().Replace(':', '/')).ToArray();
        var running = await ColumnAsync<string>(connection, $"""
            select a.id from {schema}.wolverine_node_assignments a join {schema}.wolverine_nodes n on n.id = a.node_id
            where n.health_check > now() - interval '1 minute' and a.id like any (select '%' || s from unnest(@suffixes) s)
            """, ct, ("suffixes", suffixes));
        if (running.Count > 0)
            throw new InvalidOperationException(
                $"Another live host runs {string.Join(", ", running)}: rebuild on that host, or stop the service and use the rebuild command.");
    }

    private sealed record StreetWritten(string Name, long Events, long Documents, long Removed, long Transaction);

    /// <summary>
    /// Folds the street's streams (or only <paramref name="streams"/>, whose other rows are then left alone) and writes
    /// each projection's documents in a transaction of its own, whose id it returns. With <paramref name="straight"/>,
    /// a projection whose table holds no row of the street is copied straight into it (<see cref="StreetCopy{TDoc}"/>).
    /// </summary>
    private async Task<List<StreetWritten>> RebuildStreetAsync(
        IReadOnlyList<(IProjectionSource<IDocumentOperations, IQuerySession> Source, long UpTo)> targets, string street,
        IReadOnlyCollection<Guid>? streams, CancellationToken ct, bool straight = false)
    {
        var tenant = await Options.Tenancy.GetTenantAsync(street);
        var tables = EventTables.Of(store);
        var folds = new List<IStreetFold>();
        try
        {
            foreach (var (source, upTo) in targets)
            {
                var fold = (IStreetFold)Activator.CreateInstance(typeof(StreetFold<>).MakeGenericType(DocumentType(source)!),
                    source, upTo, tenant, store, tables, companions.Where(x => x.DocumentType == DocumentType(source)).ToList())!;
                folds.Add(fold);
                await fold.BeginAsync(await OpenAsync(ct), street, straight && streams is null, ct);
            }

            // The street's events in stream order straight from the (tenant_id, stream_id, version) index: sorted
            // instead, a large street's first event came only once all of them were read and sorted (at 2.7 M events,
            // past the command timeout).
            await using var reading = await OpenAsync(ct);
            await using var reads = await reading.BeginTransactionAsync(ct);
            await ExecuteAsync(reading, "set local enable_sort = off", ct);
            var options = Marten.Services.SessionOptions.ForTransaction(reads);
            options.TenantId = street;
            await using (var session = store.QuerySession(options))
            {
                var upTo = targets.Max(t => t.UpTo);
                var query = session.Events.QueryAllRawEvents().Where(x => x.Sequence <= upTo);
                if (streams is not null)
                {
                    var ids = streams.ToArray();
                    query = query.Where(x => x.StreamId.IsOneOf(ids));
                }
                if (folds.All(x => x.EventTypes.Count > 0))
                {
                    var types = folds.SelectMany(f => f.EventTypes).Distinct().ToArray();
                    query = query.Where(x => x.EventTypesAre(types));
                }
                var stream = Guid.Empty;
                await foreach (var e in Marten.QueryableExtensions.ToAsyncEnumerable(query.OrderBy(x => x.StreamId).ThenBy(x => x.Version), ct))
                {
                    if (e.StreamId != stream)
                    {
                        foreach (var fold in folds) await fold.EndStreamAsync(ct);
                        stream = e.StreamId;
                    }
                    foreach (var fold in folds) fold.Apply(e);
                }
                foreach (var fold in folds) await fold.EndStreamAsync(ct);
            }
            return [.. await Task.WhenAll(folds.Select(x => x.FinishAsync(street, removeOthers: streams is null, ct)))];
        }
        finally
        {
            foreach (var fold in folds) await fold.DisposeAsync();
        }
    }

    private interface IStreetFold : IAsyncDisposable
    {
        IReadOnlyCollection<Type> EventTypes { get; }
        Task BeginAsync(NpgsqlConnection connection, string street, bool straight, CancellationToken ct);
        void Apply(IEvent e);
        Task EndStreamAsync(CancellationToken ct);
        Task<StreetWritten> FinishAsync(string street, bool removeOthers, CancellationToken ct);
    }

    /// <summary>
    /// One projection's documents for one street, in a transaction of its own: folded event by event, and every
    /// <see cref="ChunkSize"/> documents copied into a temporary table (Marten's bulk loader computes the duplicated
    /// columns), given their stream's version as their revision and upserted — while the next chunk is folded; or,
    /// where the street has no rows yet, copied straight into the table. A row that a command or the daemon wrote
    /// meanwhile from events past <c>upTo</c> is left as they wrote it.
    /// </summary>
    private sealed class StreetFold<TDoc>(IProjectionSource<IDocumentOperations, IQuerySession> source, long upTo, Tenant tenant, IDocumentStore store,
        EventTables tables, IReadOnlyList<IRebuildCompanion> companions)
        : IStreetFold where TDoc : class
    {
        private readonly SingleStreamProjection<TDoc, Guid> _projection = (SingleStreamProjection<TDoc, Guid>)source;
        private readonly IBulkLoader<TDoc> _loader = ((MartenDocumentProvider<TDoc>)tenant.Database.Providers.StorageFor<TDoc>()).BulkLoader;
        private readonly DocumentMapping _mapping = (DocumentMapping)store.Options.FindOrResolveDocumentType(typeof(TDoc));
        private StreetCopy<TDoc>? _straight;
        private long _written;
        private NpgsqlConnection _connection = null!;
        private NpgsqlTransaction _transaction = null!;
        private Chunk<TDoc> _chunk = new();
        private Task _writing = Task.CompletedTask;
        private TDoc? _document;
        private IEvent? _last;
        private long _events;

        public IReadOnlyCollection<Type> EventTypes { get; } = ((SingleStreamProjection<TDoc, Guid>)source).IncludedEventTypes.ToHashSet();

        private string Temporary => _mapping.TableName.Name + "_temp";

        private string Kept => _mapping.TableName.Name + "_kept";

        /// <summary>
        /// Marten's upsert from the temporary table, but a row that a command or the daemon stored at a newer revision
        /// since this rebuild began is left as it is. The check reads only the conflicting row, which PostgreSQL locks
        /// and reads as it stands; a subquery would see the statement's snapshot, taken before that write committed.
        /// </summary>
        private string Overwrite
        {
            get
            {
                var upsert = _loader.OverwriteDuplicatesFromTempTable();
                if (!upsert.Contains(" do update set ", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"Marten's bulk upsert is no longer an insert … on conflict do update: {upsert}");
                var row = _mapping.TableName.Name;
                return $"{upsert} where {row}.mt_version <= excluded.mt_version or {row}.mt_last_modified < transaction_timestamp()";
            }
        }

        public async Task BeginAsync(NpgsqlConnection connection, string street, bool straight, CancellationToken ct)
        {
            _connection = connection;
            _transaction = await connection.BeginTransactionAsync(ct);
            if (straight && await ScalarAsync(connection, $"select count(*) from (select 1 from {_mapping.TableName.QualifiedName} where tenant_id = @street limit 1) r", ct, ("street", street)) == 0)
                _straight = await StreetCopy<TDoc>.ForAsync(connection, _mapping, (StoreOptions)store.Options, ct);
            if (_straight is null)
                await ExecuteAsync(connection, _loader.CreateTempTableForCopying() + $";create temporary table {Kept} (id uuid primary key)", ct);
            foreach (var companion in companions) await ExecuteAsync(connection, companion.Before, ct);
        }

        public void Apply(IEvent e)
        {
            if (e.Sequence > upTo || (EventTypes.Count > 0 && !EventTypes.Contains(e.EventType))) return;
            _document = _projection.Evolve(_document, e.StreamId, e);
            _last = e;
            _events++;
        }

        public async Task EndStreamAsync(CancellationToken ct)
        {
            if (_document is not null && _last is not null)
            {
                _chunk.Add(_document, _last.StreamId, _last.Version);
                if (_chunk.Documents.Count >= ChunkSize) await WriteAsync(ct);
            }
            _document = null;
            _last = null;
        }

        public async Task<StreetWritten> FinishAsync(string street, bool removeOthers, CancellationToken ct)
        {
            await WriteAsync(ct);
            await _writing;
            // The street's rows this rebuild did not write: no stream produces them any more. The kept ids' key makes
            // any plan of it an index probe per row: not in became a plain subplan, quadratic, once the ids outgrew
            // work_mem (a 300,000-issue street: past 40 s, against 0.3 s).
            var removed = removeOthers && _straight is null
                ? await ExecuteAsync(_connection, $"""
                    delete from {_mapping.TableName.QualifiedName} d where tenant_id = @street and not exists (select 1 from {Kept} k where k.id = d.id)
                    and not {MovedOn(tables, "d")}
                    """, ct, ("street", street), ("upTo", upTo))
                : 0;
            foreach (var companion in companions) await ExecuteAsync(_connection, companion.After, ct, ("street", street));
            if (_straight is null) await ExecuteAsync(_connection, $"drop table {Temporary}; drop table {Kept}", ct);
            // The transaction's id as the rows it writes carry it (xmin, 32 bits): a row of the street it did not
            // write last, someone else wrote after it.
            var transaction = await ScalarAsync(_connection, "select pg_current_xact_id()::text::bigint % 4294967296", ct);
            await _transaction.CommitAsync(ct);
            return new StreetWritten(_projection.Name, _events, _written, removed, transaction);
        }

        /// <summary>
        /// Hands the chunk to the connection once the one before it is written; the fold goes on meanwhile. A chunk
        /// copied straight is serialised while the one before it is still being copied.
        /// </summary>
        private async Task WriteAsync(CancellationToken ct)
        {
            if (_chunk.Documents.Count == 0)
            {
                await _writing;
                return;
            }
            var chunk = _chunk;
            _chunk = new Chunk<TDoc>();
            _written += chunk.Ids.Count;
            var serializer = store.Options.Serializer();
            var json = _straight is null ? null : Task.Run(() => chunk.Documents.Select(serializer.ToJson).ToArray(), ct);
            await _writing;
            _writing = Task.Run(async () =>
            {
                if (_straight is not null)
                {
                    await _straight.WriteAsync(_connection, tenant.TenantId, await json!, chunk.Ids, chunk.Versions, chunk.Documents, ct);
                    return;
                }
                await _loader.LoadIntoTempTableAsync(tenant, serializer, _connection, chunk.Documents, ct);
                // A projected document's revision is its stream's version, as the daemon stores it; the loader wrote its own.
                await ExecuteAsync(_connection, $"update {Temporary} t set mt_version = v.version from unnest(@ids, @versions) as v (id, version) where t.id = v.id",
                    ct, ("ids", chunk.Ids.ToArray()), ("versions", chunk.Versions.ToArray()));
                await ExecuteAsync(_connection, $"""
                    insert into {Kept} select id from {Temporary};
                    {Overwrite};{_loader.CopyNewDocumentsFromTempTable()};truncate {Temporary}
                    """, ct);
            }, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try { await _writing; }
            catch { /* the failure is the one FinishAsync or the fold already threw */ }
            if (_connection is not null) await _connection.DisposeAsync();
        }
    }

    private sealed class Chunk<TDoc>
    {
        public List<TDoc> Documents { get; } = new(ChunkSize);
        public List<Guid> Ids { get; } = new(ChunkSize);
        public List<long> Versions { get; } = new(ChunkSize);

        public void Add(TDoc document, Guid id, long version)
        {
            Documents.Add(document);
            Ids.Add(id);
            Versions.Add(version);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The first column of every row the query returns.</summary>
    private static async Task<List<T>> ColumnAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var values = new List<T>();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
