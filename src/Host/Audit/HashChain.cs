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
        JsonNode? actor)
    {
        var time = data is JsonObject o && o["at"] is JsonValue at && at.TryGetValue<string>(out var text) ? text : "";
        var lines = string.Join('\n', previousHash, streamId, version.ToString(CultureInfo.InvariantCulture), type,
            Canonical(data), Canonical(actor), time);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));
    }

    public static string Canonical(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder output, JsonNode? node)
    {
        switch (node)
        {
            case null:
                output.Append("null");
                break;
            case JsonObject obj:
                output.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) output.Append(',');
                    first = false;
                    WriteString(output, key);
                    output.Append(':');
                    Write(output, value);
                }
                output.Append('}');
                break;
            case JsonArray array:
                output.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) output.Append(',');
                    Write(output, array[i]);
                }
                output.Append(']');
                break;
            default:
                var element = node.GetValue<JsonElement>();
                switch (element.ValueKind)
                {
                    case JsonValueKind.String: WriteString(output, element.GetString()!); break;
                    case JsonValueKind.Number: output.Append(Number(element)); break;
                    case JsonValueKind.True: output.Append("true"); break;
                    case JsonValueKind.False: output.Append("false"); break;
                    default: output.Append("null"); break;
                }
                break;
        }
    }

    private static string Number(JsonElement number)
    {
        var raw = number.GetRawText();
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value.ToString("0.############################", CultureInfo.InvariantCulture);
        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }

    private static void WriteString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case < ' ': output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }
}
