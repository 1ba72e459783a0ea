using System.Text;

namespace IssueTracker.Host.Attachments;

/// <summary>
/// Attachments as files under Attachments:Path (a mounted share): one folder per street, named by the street id's hex
/// (a tenant id never becomes a path of its own), one file per attachment, written under a temporary name and renamed.
/// </summary>
public sealed class FileSystemAttachmentStore(string root) : IAttachmentStore
{
    private const string Partial = ".partial";

    public async Task SaveAsync(string street, Guid id, Stream content, CancellationToken ct)
    {
        var path = PathOf(street, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + Partial;
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
        }
        File.Move(partial, path);
    }

    public Task<Stream?> OpenReadAsync(string street, Guid id, CancellationToken ct)
    {
        var path = PathOf(street, id);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task<IReadOnlyList<StoredFile>> ListStoredBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var files = new List<StoredFile>();
        if (Directory.Exists(root))
            foreach (var folder in Directory.EnumerateDirectories(root))
            {
                if (StreetOf(Path.GetFileName(folder)) is not { } street) continue;
                foreach (var file in Directory.EnumerateFiles(folder))
                {
                    var name = Path.GetFileName(file);
                    if (File.GetLastWriteTimeUtc(file) >= before.UtcDateTime) continue;
                    if (Guid.TryParseExact(name.EndsWith(Partial, StringComparison.Ordinal) ? name[..^Partial.Length] : name, "N", out var id))
                        files.Add(new StoredFile(street, id));
                }
            }
        return Task.FromResult<IReadOnlyList<StoredFile>>(files);
    }

    public Task DeleteAsync(string street, Guid id, CancellationToken ct)
    {
        var path = PathOf(street, id);
        File.Delete(path);
        File.Delete(path + Partial);
        return Task.CompletedTask;
    }

    public string PathOf(string street, Guid id) =>
        Path.Combine(root, Convert.ToHexString(Encoding.UTF8.GetBytes(street)).ToLowerInvariant(), id.ToString("N"));

    private static string? StreetOf(string folder)
    {
        try { return Encoding.UTF8.GetString(Convert.FromHexString(folder)); }
        catch (FormatException) { return null; }
    }
}
