using System.Security.Cryptography;
using IssueTracker.Domain.Issues;
using NetVips;

namespace IssueTracker.Host.Attachments;

/// <summary>A cleaned photo waiting in a temporary file to be stored.</summary>
public sealed record CleanPhoto(StoredPhoto Photo, string Path);

/// <summary>
/// Makes an upload safe to keep and show (libvips): JPEG, PNG and WebP only, recognised by their content; the pixel
/// count read from the header and refused before anything is decoded; the EXIF orientation applied to the pixels;
/// every metadata block (EXIF with its GPS position, XMP, IPTC, ICC, comments) left out of the re-encoded file.
/// </summary>
public sealed class PhotoProcessing
{
    private sealed record Format(string LoaderPrefix, string ContentType, Action<Image, Stream> Save);

    private static readonly Format[] Accepted =
    [
        new("VipsForeignLoadJpeg", "image/jpeg", (image, to) => image.JpegsaveStream(to, q: 90, keep: Enums.ForeignKeep.None)),
        new("VipsForeignLoadPng", "image/png", (image, to) => image.PngsaveStream(to, keep: Enums.ForeignKeep.None)),
        new("VipsForeignLoadWebp", "image/webp", (image, to) => image.WebpsaveStream(to, q: 90, keep: Enums.ForeignKeep.None))
    ];

    private readonly AttachmentOptions _options;

    public PhotoProcessing(AttachmentOptions options)
    {
        _options = options;
        // Only the loaders this code asks for should ever parse an upload; no operation cache holds decoded images.
        NetVips.NetVips.BlockUntrusted = true;
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        Cache.MaxMem = 0;
    }

    public AttachmentOptions Options => _options;

    /// <summary>Cleans the upload at <paramref name="upload"/> into <paramref name="output"/>, hashing it as it is written.</summary>
    public (CleanPhoto? Photo, string? Error) Clean(string upload, string output)
    {
        var loader = FindLoader(upload);
        if (Accepted.FirstOrDefault(f => loader?.StartsWith(f.LoaderPrefix, StringComparison.Ordinal) == true) is not { } format)
            return (null, "Not a JPEG, PNG or WebP image (judged by its content, not its name).");
        try
        {
            using var image = Image.NewFromFile(upload, failOn: Enums.FailOn.Truncated);
            if ((long)image.Width * image.Height > _options.MaxPixels)
                return (null, $"The image is {image.Width} × {image.Height} pixels; at most {_options.MaxPixels / 1_000_000} megapixels are accepted.");
            using var upright = image.Autorot();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes;
            using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
            using (var hashing = new HashingStream(file, hash))
            {
                format.Save(upright, hashing);
                bytes = file.Length;
            }
            var photo = new StoredPhoto(Guid.CreateVersion7(), Convert.ToHexStringLower(hash.GetHashAndReset()), format.ContentType,
                bytes, upright.Width, upright.Height);
            return (new CleanPhoto(photo, output), null);
        }
        catch (VipsException)
        {
            return (null, "The image is damaged or truncated.");
        }
    }

    /// <summary>A ≤ <paramref name="size"/> px rendition (shrunk while decoding), for lists of photos.</summary>
    public static byte[] Thumbnail(Stream stored, string contentType, int size)
    {
        using var thumb = Image.ThumbnailStream(stored, size, height: size);
        return contentType switch
        {
            "image/png" => thumb.PngsaveBuffer(keep: Enums.ForeignKeep.None),
            "image/webp" => thumb.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None),
            _ => thumb.JpegsaveBuffer(q: 80, keep: Enums.ForeignKeep.None)
        };
    }

    private static string? FindLoader(string path)
    {
        try { return Image.FindLoad(path); }
        catch (VipsException) { return null; }
    }

    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }
    }
}
