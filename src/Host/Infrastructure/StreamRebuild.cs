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

/// <summary>What one rebuild did: the events folded, the documents written and removed, and the sequence it reached.</summary>
public sealed record StreamRebuildResult(string Projection, string? Street, long Events, long Documents, long Removed, long UpTo);

/// <summary>
/// Rebuilds single-stream projections (one document per stream, folded by their <c>Evolve</c>) for the whole store or
/// for one street. Each street's events are read once, in stream order, and folded in memory by every projection
/// asked for; the documents are copied (COPY) into a temporary table and upserted from it, and the street's
/// documents no stream produces any more are deleted, in one transaction per street: a reader sees the old board or
/// the new one, and other streets' rows are not written. Marten's own rebuild writes an aggregation's documents one
/// INSERT statement at a time, each parsed and planned on its own; that bound its rate (docs/benchmarks.md).
/// In a running host the shards keep running (stopping one under Wolverine's distribution stalled it for up to a
/// minute), so a stream that receives an event while its street rebuilds may keep the daemon's write of it, built on
/// its previous document; a row that a command or the daemon wrote meanwhile from events past the point the street
/// is folded to is kept as written, neither overwritten nor deleted. Exact to the last stream: the <c>rebuild</c>
/// command with the service stopped, which refuses while a live host runs the shards; in a cluster, a host rebuilds
/// only the shards it runs itself.
/// </summary>
public sealed class StreamRebuild(IDocumentStore store, IProjectionCoordinator coordinator, BoardChanges boards,
    IEnumerable<IRebuildCompanion> companions)
{
    /// <summary>Documents per COPY: a large street is not held in memory at once.</summary>
    private const int ChunkSize = 5_000;

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
        // Where a daemon runs, an async projection is folded up to where its shard stands, which it keeps: the shard
        // goes on from there for every street alike (a moved position would make its next batch fail). With no daemon
        // anywhere (the rebuild command, the service stopped), the store is folded to its newest event and the
        // shards moved there. An inline projection is folded up to the newest event.
        var newest = await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from {tables.Events}", ct);
        var moveShards = street is null && daemon is null;
        var targets = new List<(IProjectionSource<IDocumentOperations, IQuerySession> Source, long UpTo)>();
        foreach (var source in sources)
            targets.Add((source, source.Lifecycle != ProjectionLifecycle.Async || moveShards ? newest
                : await ScalarAsync(connection, $"select coalesce(max(last_seq_id), 0) from {tables.Progression} where name = '{source.Name}:All'", ct)));
        var streets = street is null ? await StreetsAsync(connection, $"select distinct tenant_id from {tables.Events}", ct) : [street];

        var totals = targets.ToDictionary(x => x.Source.Name, _ => (Events: 0L, Documents: 0L, Removed: 0L));
        foreach (var one in streets)
        {
            foreach (var (name, events, documents, removed) in await RebuildStreetAsync(targets, one, ct))
            {
                var total = totals[name];
                totals[name] = (total.Events + events, total.Documents + documents, total.Removed + removed);
            }
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
            totals[x.Source.Name].Documents, totals[x.Source.Name].Removed, x.UpTo)).ToList();
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
        var running = await StreetsAsync(connection, $"""
            select a.id from {schema}.wolverine_node_assignments a join {schema}.wolverine_nodes n on n.id = a.node_id
            where n.health_check > now() - interval '1 minute' and a.id like any (select '%' || s from unnest(@suffixes) s)
            """, ct, ("suffixes", suffixes));
        if (running.Count > 0)
            throw new InvalidOperationException(
                $"Another live host runs {string.Join(", ", running)}: rebuild on that host, or stop the service and use the rebuild command.");
    }

    private async Task<List<(string Name, long Events, long Documents, long Removed)>> RebuildStreetAsync(
        IReadOnlyList<(IProjectionSource<IDocumentOperations, IQuerySession> Source, long UpTo)> targets, string street, CancellationToken ct)
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
                await fold.BeginAsync(await OpenAsync(ct), ct);
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
            return [.. await Task.WhenAll(folds.Select(x => x.FinishAsync(street, ct)))];
        }
        finally
        {
            foreach (var fold in folds) await fold.DisposeAsync();
        }
    }

    private interface IStreetFold : IAsyncDisposable
    {
        IReadOnlyCollection<Type> EventTypes { get; }
        Task BeginAsync(NpgsqlConnection connection, CancellationToken ct);
        void Apply(IEvent e);
        Task EndStreamAsync(CancellationToken ct);
        Task<(string Name, long Events, long Documents, long Removed)> FinishAsync(string street, CancellationToken ct);
    }

    /// <summary>
    /// One projection's documents for one street, in a transaction of its own: folded event by event, and every
    /// <see cref="ChunkSize"/> documents copied into a temporary table (Marten's bulk loader computes the duplicated
    /// columns), given their stream's version as their revision and upserted — while the next chunk is folded.
    /// A row that a command or the daemon wrote meanwhile from events past <c>upTo</c> is left as they wrote it.
    /// </summary>
    private sealed class StreetFold<TDoc>(IProjectionSource<IDocumentOperations, IQuerySession> source, long upTo, Tenant tenant, IDocumentStore store,
        EventTables tables, IReadOnlyList<IRebuildCompanion> companions)
        : IStreetFold where TDoc : class
    {
        private readonly SingleStreamProjection<TDoc, Guid> _projection = (SingleStreamProjection<TDoc, Guid>)source;
        private readonly IBulkLoader<TDoc> _loader = ((MartenDocumentProvider<TDoc>)tenant.Database.Providers.StorageFor<TDoc>()).BulkLoader;
        private readonly DocumentMapping _mapping = (DocumentMapping)store.Options.FindOrResolveDocumentType(typeof(TDoc));
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

        public async Task BeginAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            _connection = connection;
            _transaction = await connection.BeginTransactionAsync(ct);
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

        public async Task<(string Name, long Events, long Documents, long Removed)> FinishAsync(string street, CancellationToken ct)
        {
            await WriteAsync(ct);
            await _writing;
            // The street's rows this rebuild did not write: no stream produces them any more. The kept ids' key makes
            // any plan of it an index probe per row: not in became a plain subplan, quadratic, once the ids outgrew
            // work_mem (a 300,000-issue street: past 40 s, against 0.3 s).
            var removed = await ExecuteAsync(_connection, $"""
                delete from {_mapping.TableName.QualifiedName} d where tenant_id = @street and not exists (select 1 from {Kept} k where k.id = d.id)
                and not {MovedOn(tables, "d")}
                """, ct, ("street", street), ("upTo", upTo));
            foreach (var companion in companions) await ExecuteAsync(_connection, companion.After, ct, ("street", street));
            await ExecuteAsync(_connection, $"drop table {Temporary}; drop table {Kept}", ct);
            await _transaction.CommitAsync(ct);
            return (_projection.Name, _events, _written, removed);
        }

        /// <summary>Hands the chunk to the connection once the one before it is written; the fold goes on meanwhile.</summary>
        private async Task WriteAsync(CancellationToken ct)
        {
            await _writing;
            if (_chunk.Documents.Count == 0) return;
            var chunk = _chunk;
            _chunk = new Chunk<TDoc>();
            _written += chunk.Ids.Count;
            _writing = Task.Run(async () =>
            {
                await _loader.LoadIntoTempTableAsync(tenant, store.Options.Serializer(), _connection, chunk.Documents, ct);
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

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct) =>
        Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(ct));

    private static async Task<List<string>> StreetsAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var streets = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) streets.Add(reader.GetString(0));
        return streets;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
