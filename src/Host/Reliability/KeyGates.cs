namespace IssueTracker.Host.Reliability;

/// <summary>
/// One request at a time per Idempotency-Key in this process: a client's retry that arrives while its first attempt
/// is still running (a client timeout, a slow first request) waits for it and then replays its answer, instead of
/// racing it and being judged against the state the first attempt has just changed.
/// </summary>
internal static class KeyGates
{
    private sealed class Gate
    {
        public readonly SemaphoreSlim Lock = new(1, 1);
        public int Users;
    }

    private static readonly Dictionary<string, Gate> Gates = new();

    public static async Task<IAsyncDisposable> Enter(string key, CancellationToken ct)
    {
        Gate gate;
        lock (Gates)
        {
            if (!Gates.TryGetValue(key, out gate!)) Gates[key] = gate = new Gate();
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

    private static void Leave(string key, Gate gate, bool release)
    {
        if (release) gate.Lock.Release();
        lock (Gates)
        {
            if (--gate.Users == 0) Gates.Remove(key);
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
