using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// One request at a time per Idempotency-Key, across every host on the database. In this process a client's retry
/// that arrives while its first attempt is still running (a client timeout, a slow first request) waits for it and
/// then replays its answer. Across processes the gate is a transaction-scoped PostgreSQL advisory lock, held until the
/// request has committed and answered: a twin on another host finds it taken and is told to retry (no gate), rather
/// than racing the first attempt and being judged against the state it has just changed. PostgreSQL ends the lock
/// with its transaction, also when a host dies.
/// </summary>
public sealed class KeyGates(IDocumentStore store)
{
    private sealed class Gate
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Users;
    }

    private readonly Dictionary<string, Gate> _gates = new();

    /// <summary>The gate of a key, held until disposed; null when a request on another host holds it.</summary>
    public async Task<IAsyncDisposable?> TryEnter(string street, string recordId, CancellationToken ct)
    {
        var key = $"{street}\n{recordId}";
        var local = await EnterHere(key, ct);
        NpgsqlConnection? connection = null;
        try
        {
            connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand("select pg_try_advisory_xact_lock($1)", connection, transaction)
            {
                Parameters = { new() { Value = LockId(key) } }
            };
            if (await command.ExecuteScalarAsync(ct) is true) return new Held(local, connection, transaction);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            await local.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        await local.DisposeAsync();
        return null;
    }

    /// <summary>The advisory lock's key: 64 bits of the key's hash, apart from other users of advisory locks by a prefix.</summary>
    public static long LockId(string key) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("issuetracker.idempotency\n" + key)), 0);

    public static long LockId(string street, string recordId) => LockId($"{street}\n{recordId}");

    private async Task<IAsyncDisposable> EnterHere(string key, CancellationToken ct)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!)) _gates[key] = gate = new Gate();
            gate.Users++;
        }
        try
        {
            await gate.Lock.WaitAsync(ct);
        }
        catch
        {
            Leave(key, gate, release: false);
            throw;
        }
        return new Exit(() => Leave(key, gate, release: true));
    }

    private void Leave(string key, Gate gate, bool release)
    {
        if (release) gate.Lock.Release();
        lock (_gates)
        {
            if (--gate.Users == 0) _gates.Remove(key);
        }
    }

    /// <summary>Ending the transaction ends the advisory lock; so does a broken connection, on the server's side.</summary>
    private sealed class Held(IAsyncDisposable local, NpgsqlConnection connection, NpgsqlTransaction transaction)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.RollbackAsync();
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
            }
            finally
            {
                await connection.DisposeAsync();
                await local.DisposeAsync();
            }
        }
    }

    private sealed class Exit(Action leave) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            leave();
            return ValueTask.CompletedTask;
        }
    }
}
