namespace IssueTracker.Host.Audit;

/// <summary>The outcome of recomputing a stream's chain: valid with its event count, or the first version that fails.</summary>
public sealed record ChainReport(bool Valid, int Events, long? FirstInvalidVersion = null, string? Reason = null);

public static class ChainVerification
{
    public static ChainReport Verify(StoredStream stream)
    {
        var previous = HashChain.Genesis;
        var expected = 1L;
        foreach (var e in stream.Events)
        {
            if (e.Version != expected)
                return Broken(stream, expected, e.Version > expected
                    ? $"Version {expected} is missing: the next stored event is version {e.Version}."
                    : $"Version {e.Version} is stored more than once.");
            if (e.Hash is null) return Broken(stream, e.Version, "The event carries no hash.");

            var computed = HashChain.Compute(previous, stream.Id.ToString(), e.Version, e.Type, e.Data, e.Actor);
            if (!string.Equals(computed, e.Hash, StringComparison.Ordinal))
                return Broken(stream, e.Version,
                    "The recorded hash does not match the event's content, actor, position or the previous event.");

            previous = e.Hash;
            expected++;
        }

        // A deleted tail leaves a valid prefix; the stream row still remembers how long the stream was.
        if (stream.RecordedVersion != stream.Events.Count)
            return Broken(stream, Math.Min(stream.RecordedVersion, stream.Events.Count) + 1,
                $"The stream records version {stream.RecordedVersion} but holds {stream.Events.Count} events.");

        return new ChainReport(true, stream.Events.Count);
    }

    private static ChainReport Broken(StoredStream stream, long version, string reason) =>
        new(false, stream.Events.Count, version, reason);
}
