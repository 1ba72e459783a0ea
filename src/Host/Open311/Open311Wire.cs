using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace IssueTracker.Host.Open311;

public enum Open311Format { Xml, Json }

/// <summary>An element with named children, in the spec's order: an XML element, or a JSON object.</summary>
public sealed class Open311Object : List<KeyValuePair<string, object?>>
{
    public Open311Object Add(string name, object? value)
    {
        Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }
}

/// <summary>Repeated elements named <paramref name="Item"/> inside their parent: in JSON, an array.</summary>
public sealed record Open311List(string Item, IReadOnlyList<object?> Items);

/// <summary>
/// An answer in GeoReport v2's wire format: UTF-8 XML with the spec's element names under <paramref name="Root"/>,
/// or its JSON twin (the root's content alone: an array for a list, an object otherwise).
/// </summary>
public sealed record Open311Answer(string Root, object Content, int Status = StatusCodes.Status200OK) : IResult
{
    public const string XmlType = "text/xml; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public Open311Format Format { get; init; } = Open311Format.Xml;

    public static Open311Answer Error(Open311Format format, int status, string description) =>
        new("errors", new Open311List("error", [new Open311Object().Add("code", status).Add("description", description)]), status)
        { Format = format };

    public static Open311Answer List(Open311Format format, string root, string item, IEnumerable<Open311Object> items) =>
        new(root, new Open311List(item, [.. items])) { Format = format };

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = Format == Open311Format.Xml ? XmlType : JsonType;
        await context.Response.Body.WriteAsync(Format == Open311Format.Xml ? ToXml() : ToJson(), context.RequestAborted);
    }

    public byte[] ToXml()
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = false }))
        {
            xml.WriteStartDocument();
            WriteXml(xml, Root, Content);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(json, Content);
        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case Open311Object fields:
                foreach (var (child, content) in fields) WriteXml(xml, child, content);
                break;
            case Open311List list:
                foreach (var item in list.Items) WriteXml(xml, list.Item, item);
                break;
            case null:
                break;
            default:
                xml.WriteString(Scalar(value));
                break;
        }
        xml.WriteEndElement();
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case Open311Object fields:
                json.WriteStartObject();
                foreach (var (name, content) in fields)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, content);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items) WriteJson(json, item);
                json.WriteEndArray();
                break;
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case double d: json.WriteNumberValue(d); break;
            default: json.WriteStringValue(Scalar(value)); break;
        }
    }

    /// <summary>W3C date-times with their offset, invariant numbers, lower-case booleans (as the spec's examples).</summary>
    public static string Scalar(object value) => value switch
    {
        DateTimeOffset t => W3C(t),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ""
    };

    public static string W3C(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
