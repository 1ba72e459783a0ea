namespace IssueTracker.Host.Attachments;

/// <summary>A stored file: the street it belongs to and its attachment id.</summary>
public sealed record StoredFile(string Street, Guid Id);

/// <summary>
/// Where the bytes of attachments live. Bytes are written before the event naming them is appended; files whose event
/// never committed are found by <see cref="ListStoredBeforeAsync"/> and removed by the orphan sweep.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Streams <paramref name="content"/> in under the id (replacing nothing: ids are new).</summary>
    Task SaveAsync(string street, Guid id, Stream content, CancellationToken ct);

    /// <summary>The stored bytes as a stream to read once, or null when nothing is stored under the id.</summary>
    Task<Stream?> OpenReadAsync(string street, Guid id, CancellationToken ct);

    Task<IReadOnlyList<StoredFile>> ListStoredBeforeAsync(DateTimeOffset before, CancellationToken ct);

    Task DeleteAsync(string street, Guid id, CancellationToken ct);
}
