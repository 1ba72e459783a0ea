using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IssueTracker.Host.Tests.Reliability;

public sealed record Operation(string Method, string Path, JsonElement Details);

public sealed record FuzzRequest(HttpMethod Method, string Url, HttpContent? Content, (string Name, string Value)[] Headers, string Shown);

/// <summary>
/// Builds random, mostly malformed requests for the operations of an OpenAPI document: bodies derived from each
/// operation's schema with fields dropped, nulled, retyped, oversized or filled with odd Unicode, plus garbage
/// bodies, odd ids, query values, headers and content types. Deterministic for a given seed.
/// </summary>
public sealed class RequestFuzzer(Random random, JsonElement openApi, IReadOnlyList<Guid> knownIds)
{
    private static readonly string[] OddText =
    [
        "", " ", "\t\n", "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\udbff\udfff", "\u202Eevil\u202C", "\u200B\u200D\uFEFF",
        "🐔🏚️👨‍👩‍👧", "e\u0301\u0301\u0301", "明光小区地锁占道", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
        "%00%ff", "\\u0000", "null", "true", "-1", "1e999", "NaN", "\r\nX-Injected: 1", "ǅ𝔘𝔫𝔦"
    ];

    private static readonly string[] OddIds =
    [
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "0", "%2500", "..%2F..", "明光", "%F0%9F%90%94",
        "' or 1=1", new string('f', 300), "{" + Guid.Empty + "}", "01a21e7a-312e-7c9d-b469-568d189ee39"
    ];

    private static readonly string[] GarbageBodies =
    [
        "", "{", "}", "[]", "[{}]", "null", "\"text\"", "123", "true", "{\"a\":", "{\"title\":\"a\",\"title\":1}", "{,}",
        "{\"title\":\"a\"}garbage", "\uFEFF{}", "{\"location\":{\"grid\":1e999}}", "{\"grid\":12345678901234567890}",
        "{'single':'quotes'}", "{\"a\":NaN}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}"
    ];

    /// <summary>Numbers at the edges of what clients' and servers' number types hold, as raw JSON.</summary>
    private static readonly string[] EdgeNumbers =
    [
        "0", "-1", "2147483647", "-2147483648", "2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "18446744073709551616", "1e308", "1e309", "-1e999", "1E+400", "4.9e-324", "1e-400", "0.5", "-0"
    ];

    /// <summary>Times at the edges of what DateTimeOffset holds: conversions and deadline arithmetic overflow there.</summary>
    private static readonly string[] EdgeTimes =
    [
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-14:00",
        "9999-12-31T23:59:59+14:00", "9000-01-01T00:00:00Z", "2031-12-31T00:00:00Z", "1970-01-01T00:00:00Z", "2026-12-01T09:00:00+08:00"
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/problem+json", "*/*", "garbage"
    ];

    public static List<Operation> Operations(JsonElement openApi) =>
        [.. from path in openApi.GetProperty("paths").EnumerateObject()
            from op in path.Value.EnumerateObject()
            select new Operation(op.Name.ToUpperInvariant(), path.Name, op.Value)];

    public FuzzRequest Next(Operation operation)
    {
        var url = Path(operation) + Query(operation);
        var headers = Headers();
        HttpContent? content = null;
        var shown = "";
        if (operation.Details.TryGetProperty("requestBody", out var body) || Chance(0.05))
        {
            var text = Chance(0.15) ? Pick(GarbageBodies) : Serialize(BodyFor(body));
            var bytes = Chance(0.03) ? [0xff, 0xfe, (byte)'{', 0xc3, 0x28, (byte)'}'] : Encoding.UTF8.GetBytes(text);
            content = new ByteArrayContent(bytes);
            if (!Chance(0.05)) content.Headers.TryAddWithoutValidation("Content-Type", Chance(0.9) ? "application/json" : Pick(ContentTypes));
            shown = text.Length > 300 ? text[..300] + $"… ({text.Length} chars)" : text;
        }
        return new FuzzRequest(new HttpMethod(operation.Method), url, content, headers,
            $"{operation.Method} {url} [{string.Join("; ", headers.Select(h => $"{h.Name}: {h.Value}"))}] {shown}");
    }

    private string Path(Operation operation)
    {
        var path = operation.Path;
        while (path.IndexOf('{') is var start and >= 0)
        {
            var end = path.IndexOf('}', start);
            var id = random.NextDouble() switch
            {
                < 0.7 => knownIds[random.Next(knownIds.Count)].ToString(),
                < 0.8 => Guid.NewGuid().ToString(),
                _ => Pick(OddIds)
            };
            path = path[..start] + id + path[(end + 1)..];
        }
        return path;
    }

    private string Query(Operation operation)
    {
        if (!operation.Details.TryGetProperty("parameters", out var parameters)) return "";
        var parts = new List<string>();
        foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
        {
            if (Chance(0.5)) continue;
            var value = random.Next(8) switch
            {
                0 => random.Next(-5, 300).ToString(),
                1 => "2026-11-27T10:00:00+08:00",
                6 => Pick(EdgeNumbers),
                7 => Pick(EdgeTimes),
                2 => Pick(["raised", "closed", "Confirmed", "parking", "true", "csv", "json", "hongse-wuye"]),
                3 => new string('9', random.Next(1, 40)),
                _ => Pick(OddText)
            };
            parts.Add($"{parameter.GetProperty("name").GetString()}={Uri.EscapeDataString(value)}");
            if (Chance(0.1)) parts.Add($"{parameter.GetProperty("name").GetString()}=1");
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private (string Name, string Value)[] Headers()
    {
        var headers = new List<(string Name, string Value)>();
        if (Chance(0.3)) headers.Add(("Idempotency-Key", random.Next(6) switch
        {
            0 => "",
            1 => new string('k', random.Next(150, 400)),
            2 => "fuzz-" + random.Next(20),
            3 => "a,b",
            4 => "键-🔑\u200B",
            _ => Guid.NewGuid().ToString()
        }));
        if (Chance(0.05)) headers.Add(("Idempotency-Key", "second-" + random.Next(3)));
        if (Chance(0.25)) headers.Add(("If-Match", Pick(["\"1\"", "1", "*", "W/\"2\"", "garbage", "\"", "\"99999999999\"", "\"-1\"", ",,,", "\"3\", \"4\"",
            "\"2147483648\"", "\"9223372036854775807\"", "\"9223372036854775808\"", "\"-9223372036854775808\"", "\"1e999\""])));
        if (Chance(0.1)) headers.Add(("If-None-Match", Pick(["\"1\"", "*", "garbage", "\"2147483648\""])));
        if (Chance(0.05)) headers.Add(("Accept", Pick(["text/csv", "application/xml", "garbage", "*/*"])));
        return [.. headers];
    }

    private JsonNode? BodyFor(JsonElement requestBody) =>
        requestBody.ValueKind == JsonValueKind.Object
        && requestBody.GetProperty("content").EnumerateObject().FirstOrDefault().Value is { ValueKind: JsonValueKind.Object } media
            ? Value(media.GetProperty("schema"), 0)
            : new JsonObject();

    private JsonNode? Value(JsonElement schema, int depth)
    {
        schema = Resolve(schema);
        if (depth > 0 && Chance(0.25)) return Mutant(depth);
        if (schema.TryGetProperty("oneOf", out var oneOf))
            return Value(oneOf.EnumerateArray().Where(s => !IsNull(s)).DefaultIfEmpty(oneOf[0]).First(), depth);
        if (schema.TryGetProperty("enum", out var values))
            return Chance(0.8) ? JsonValue.Create(values[random.Next(values.GetArrayLength())].ToString()) : Mutant(depth);

        var type = Types(schema);
        if (type.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var result = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var property in properties.EnumerateObject())
                    if (!Chance(0.15)) result[property.Name] = Value(property.Value, depth + 1);
            if (Chance(0.05)) result["unexpected" + random.Next(3)] = Mutant(depth + 1);
            return result;
        }
        if (type.Contains("array"))
        {
            var array = new JsonArray();
            var count = random.Next(20) switch { 0 => random.Next(400, 600), 1 => 10_000, 2 => 0, _ => random.Next(0, 4) };
            var items = schema.TryGetProperty("items", out var i) ? i : default;
            for (var n = 0; n < count; n++) array.Add(items.ValueKind == JsonValueKind.Object ? Value(items, depth + 1) : Mutant(depth + 1));
            return array;
        }
        if (type.Contains("integer") || type.Contains("number"))
            return random.Next(4) == 0 ? JsonNode.Parse(Pick(EdgeNumbers)) : JsonValue.Create(random.Next(-3, 50));
        if (type.Contains("boolean")) return JsonValue.Create(Chance(0.5));
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => JsonValue.Create(Chance(0.8) ? knownIds[random.Next(knownIds.Count)].ToString() : Pick(OddIds)),
            "date-time" => JsonValue.Create(Chance(0.5) ? Pick(EdgeTimes) : Pick(["2026-12-01T09:00:00+08:00", "2000-01-01T00:00:00Z", "2026-13-45", "yesterday", ""])),
            _ => JsonValue.Create(Text())
        };
    }

    private JsonNode? Mutant(int depth) => random.Next(11) switch
    {
        0 => null,
        9 => JsonNode.Parse(Pick(EdgeNumbers)),
        10 => JsonValue.Create(Pick(EdgeTimes)),
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(random.NextDouble() * 1e300),
        3 => JsonValue.Create(Chance(0.5)),
        4 => depth < 4 ? new JsonArray(Mutant(depth + 1), Mutant(depth + 1)) : new JsonArray(),
        5 => depth < 4 ? new JsonObject { ["nested"] = Mutant(depth + 1) } : new JsonObject(),
        6 => JsonValue.Create(new string('長', random.Next(190, 30_000))),
        _ => JsonValue.Create(Pick(OddText))
    };

    private string Text() => random.Next(5) switch
    {
        0 => Pick(OddText),
        1 => string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pick(OddText))),
        2 => new string('x', Pick([199, 200, 201, 4000, 4001])),
        _ => "明光小区地锁占道 " + random.Next(1000)
    };

    private static string Serialize(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? Resolve(openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]))
            : schema;

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    private static HashSet<string> Types(JsonElement schema) => !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
