using JasperFx.Events;

namespace IssueTracker.Host.Audit;

/// <summary>
/// The streams that are ours to show and verify, by the aggregate Marten records for each stream. Anything else in
/// the event store is neither listed nor verified: Marten's tombstone stream (the sequence numbers a failed save had
/// reserved, e.g. two hosts racing one Idempotency-Key) and any stream of a kind not named here. A stream stored
/// without a kind (appended without naming its aggregate) is ours: the audit trail chains every stream it saves.
/// </summary>
public static class AuditedStreams
{
    /// <summary>Marten's names for our aggregates (the stream row's type); a new kind of stream is one more entry.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [IssueStreams.AggregateType, "meeting", .. Volunteers.VolunteerStreams.Kinds];

    public static bool Includes(string? kind, Guid id) => kind is null ? id != Tombstone.StreamId : Kinds.Contains(kind);
}
