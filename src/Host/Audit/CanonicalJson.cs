using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace IssueTracker.Host.Audit;

/// <summary>Writes <see cref="HashChain"/>'s canonical JSON of a parsed element as UTF-8.</summary>
internal static class CanonicalJson
{
    public static void Write(IBufferWriter<byte> output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var property in element.EnumerateObject()) properties.Add(property);
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                output.Write("{"u8);
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0) output.Write(","u8);
                    WriteString(output, properties[i].Name);
                    output.Write(":"u8);
                    Write(output, properties[i].Value);
                }
                output.Write("}"u8);
                break;
            case JsonValueKind.Array:
                output.Write("["u8);
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first) output.Write(","u8);
                    first = false;
                    Write(output, item);
                }
                output.Write("]"u8);
                break;
            case JsonValueKind.String: WriteString(output, element.GetString()!); break;
            case JsonValueKind.Number: HashChain.Utf8(output, Number(element)); break;
            case JsonValueKind.True: output.Write("true"u8); break;
            case JsonValueKind.False: output.Write("false"u8); break;
            default: output.Write("null"u8); break;
        }
    }

    private static string Number(JsonElement number)
    {
        var raw = number.GetRawText();
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value.ToString("0.############################", CultureInfo.InvariantCulture);
        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Runs of plain characters are encoded whole; escapes are ASCII, so no surrogate pair is ever split.</summary>
    private static void WriteString(IBufferWriter<byte> output, string value)
    {
        output.Write("\""u8);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c != '"' && c != '\\') continue;
            HashChain.Utf8(output, value.AsSpan(start, i - start));
            start = i + 1;
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\r': output.Write("\\r"u8); break;
                case '\t': output.Write("\\t"u8); break;
                default: HashChain.Utf8(output, "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }
        HashChain.Utf8(output, value.AsSpan(start));
        output.Write("\""u8);
    }
}
