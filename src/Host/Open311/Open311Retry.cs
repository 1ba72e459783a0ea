using IssueTracker.Host.Reliability;

namespace IssueTracker.Host.Open311;

/// <summary>
/// A facade write sent again answers what it answered the first time and changes nothing more: keyed by the
/// Idempotency-Key header, as the API's writes are, or by the client's own id for the write when it sends one
/// (FixMyStreet's update_id). Keys are the client's own and kept for <see cref="Idempotency.Retention"/>; the answer is
/// stored in the write's transaction, and one call at a time holds a key (<see cref="KeyGates"/>).
/// </summary>
public sealed class Open311Retry : IAsyncDisposable
{
    private readonly string? _recordId;
    private readonly string _fingerprint;
    private readonly IAsyncDisposable? _gate;

    private Open311Retry(string? recordId, string fingerprint, IAsyncDisposable? gate, string? earlier)
    {
        _recordId = recordId;
        _fingerprint = fingerprint;
        _gate = gate;
        EarlierAnswer = earlier;
    }

    /// <summary>The id the first call with this key answered; null for a call that is new.</summary>
    public string? EarlierAnswer { get; }

    public static async Task<(Open311Retry? Retry, Open311Answer? Refusal)> Begin(Open311Call call, Open311Client client,
        string operation, string? clientsOwnId, HttpContext context, IDocumentStore store, KeyGates gates, TimeProvider clock,
        CancellationToken ct)
    {
        var fingerprint = call.Fingerprint(operation);
        var header = context.Request.Headers[Idempotency.Header].ToString();
        var key = header.Length > 0 ? "key\n" + header : clientsOwnId is null ? null : "id\n" + clientsOwnId;
        if (key is null) return (new Open311Retry(null, fingerprint, null, null), null);
        if (header.Length > 200) return (null, call.Error(StatusCodes.Status400BadRequest, "An Idempotency-Key may be at most 200 characters."));

        var recordId = Idempotency.RecordId($"open311\n{client.Name}\n{operation}", key);
        var gate = await gates.TryEnter(client.Street, recordId, ct);
        if (gate is null) return (null, Busy(call));
        await using var session = store.QuerySession(client.Street);
        var earlier = await session.LoadAsync<IdempotencyRecord>(recordId, ct);
        if (earlier is null || clock.GetUtcNow() - earlier.CreatedAt >= Idempotency.Retention)
        {
            if (earlier is not null)
            {
                await using var forgetting = store.LightweightSession(client.Street);
                forgetting.Delete<IdempotencyRecord>(recordId);
                await forgetting.SaveChangesAsync(ct);
            }
            return (new Open311Retry(recordId, fingerprint, gate, null), null);
        }
        if (earlier.RequestHash == fingerprint) return (new Open311Retry(recordId, fingerprint, gate, earlier.Body), null);
        await gate.DisposeAsync();
        return (null, call.Error(StatusCodes.Status400BadRequest,
            header.Length > 0 ? "This Idempotency-Key was already used for a different request." : "This update_id was already sent with other fields."));
    }

    /// <summary>Stores the answer beside the write's events; inserted, so a twin on another host that raced it fails.</summary>
    public void Remember(IDocumentSession session, string answer, TimeProvider clock)
    {
        if (_recordId is not null)
            session.Insert(new IdempotencyRecord(_recordId, _fingerprint, StatusCodes.Status200OK, answer, null, clock.GetUtcNow()));
    }

    public static Open311Answer Busy(Open311Call call) => call.Error(StatusCodes.Status409Conflict,
        "Another call with this key was being saved at the same time; nothing of this one was saved. Send it again.");

    public ValueTask DisposeAsync() => _gate?.DisposeAsync() ?? ValueTask.CompletedTask;
}
