using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IssueTracker.Host.Audit;

/// <summary>
/// The tamper-evident chain over every stream. An outside auditor can recompute it from the JSON export:
/// <code>
/// hash(v) = lowercase hex of SHA-256 over the UTF-8 bytes of these seven lines joined by "\n":
///   1. hash(v-1), or 64 "0" characters for version 1
///   2. the stream id (lowercase uuid with hyphens)
///   3. the version (decimal)
///   4. the event type name (e.g. "issue_raised")
///   5. canonical JSON of the event data
///   6. canonical JSON of the actor ({"id","name","org","role"}), or "null"
///   7. the event time: the data's "at" string exactly as stored, or "" when the event has none
/// canonical JSON: no whitespace; object keys sorted by ordinal (UTF-16 code unit) order; strings with only
///   '"', '\' and control characters escaped (\" \\ \b \f \n \r \t, others \u00xx lowercase), everything else
///   literal UTF-8; numbers in plain decimal without exponent or trailing fraction zeros; true, false, null.
/// </code>
/// Both sides canonicalise from parsed JSON, because PostgreSQL's jsonb reorders keys and reformats the text.
/// </summary>
public static class HashChain
{
    public const string HashHeader = "hash";
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string previousHash, string streamId, long version, string type, JsonNode? data,
        JsonNode? actor) =>
        Compute(previousHash, streamId, version, type, ElementOf(data), actor is null ? null : ElementOf(actor));

    /// <summary>The same link written straight from parsed rows: one UTF-8 buffer per thread, no intermediate strings.</summary>
    public static string Compute(string previousHash, string streamId, long version, string type, JsonElement data,
        JsonElement? actor)
    {
        var output = Buffer;
        output.ResetWrittenCount();
        Utf8(output, previousHash);
        Line(output);
        Utf8(output, streamId);
        Line(output);
        Utf8(output, version.ToString(CultureInfo.InvariantCulture));
        Line(output);
        Utf8(output, type);
        Line(output);
        CanonicalJson.Write(output, data);
        Line(output);
        if (actor is { } by) CanonicalJson.Write(output, by);
        else Utf8(output, "null");
        Line(output);
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String)
            Utf8(output, at.GetString()!);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(output.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string Canonical(JsonNode? node) => Canonical(ElementOf(node));

    public static string Canonical(JsonElement element)
    {
        var output = Buffer;
        output.ResetWrittenCount();
        CanonicalJson.Write(output, element);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    private static ArrayBufferWriter<byte> Buffer => _buffer ??= new ArrayBufferWriter<byte>(4096);

    private static JsonElement ElementOf(JsonNode? node) => JsonSerializer.SerializeToElement(node);

    private static void Line(IBufferWriter<byte> output) => output.Write("\n"u8);

    internal static void Utf8(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
