using System.Diagnostics;
using System.Globalization;
using IssueTracker.Host.Reliability;
using Microsoft.Extensions.Primitives;

namespace IssueTracker.Host.Open311;

/// <summary>
/// One request to the facade: its format (the route's extension), its fields (query string and form body, as the
/// spec sends them) and whose street it reads or writes. Every refusal is an <see cref="Open311Answer"/> error.
/// </summary>
public sealed class Open311Call
{
    private readonly IQueryCollection _query;
    private readonly IFormCollection _form;

    private Open311Call(Open311Format format, IQueryCollection query, IFormCollection form)
    {
        Format = format;
        _query = query;
        _form = form;
    }

    public Open311Format Format { get; }

    /// <summary>A session writing to the street, its events correlated with this request as the API's are.</summary>
    public static IDocumentSession Writing(IDocumentStore store, string street, HttpContext context)
    {
        var session = store.LightweightSession(street);
        session.CorrelationId = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        return session;
    }

    public string? this[string name] =>
        (_form.TryGetValue(name, out var posted) && !StringValues.IsNullOrEmpty(posted) ? posted
            : _query.TryGetValue(name, out var queried) && !StringValues.IsNullOrEmpty(queried) ? queried
            : StringValues.Empty).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public Open311Answer Error(int status, string description) => Open311Answer.Error(Format, status, description);

    public Open311Answer Missing(string field) => Error(StatusCodes.Status400BadRequest, $"{field} was not provided.");

    public Open311Answer Answer(string root, object content) => new(root, content) { Format = Format };

    public Open311Answer List(string root, string item, IEnumerable<Open311Object> items) =>
        Open311Answer.List(Format, root, item, items);

    /// <summary>Reads the call: an unknown extension is 404, an oversized, unreadable or unstorable body 400.</summary>
    public static async Task<(Open311Call? Call, Open311Answer? Refusal)> Read(HttpContext context, string? format)
    {
        var parsed = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json
            : string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase) ? Open311Format.Xml : (Open311Format?)null;
        if (parsed is not { } known)
            return (null, Open311Answer.Error(Open311Format.Xml, StatusCodes.Status404NotFound, "Only .xml and .json are served."));

        var request = context.Request;
        IFormCollection form = FormCollection.Empty;
        if (HttpMethods.IsPost(request.Method))
        {
            if (request.ContentLength > RequestLimits.MaxBodyBytes)
                return (null, Open311Answer.Error(known, StatusCodes.Status413PayloadTooLarge,
                    $"The body may be at most {RequestLimits.MaxBodyBytes / 1024} KiB."));
            if (request.ContentLength is not 0 && !request.HasFormContentType)
                return (null, Open311Answer.Error(known, StatusCodes.Status400BadRequest,
                    "Send the fields form-encoded (application/x-www-form-urlencoded or multipart/form-data)."));
            if (request.HasFormContentType)
            {
                try
                {
                    form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions
                    {
                        ValueLengthLimit = RequestLimits.MaxBodyBytes, MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes,
                        BufferBodyLengthLimit = RequestLimits.MaxBodyBytes
                    }, context.RequestAborted);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
                {
                    return (null, Open311Answer.Error(known, StatusCodes.Status400BadRequest, "The form body cannot be read."));
                }
            }
        }

        var unstorable = request.Query.Concat(form)
            .FirstOrDefault(f => !StorableText.IsStorable(f.Key) || f.Value.Any(v => !StorableText.IsStorable(v))).Key;
        if (unstorable is not null)
            return (null, Open311Answer.Error(known, StatusCodes.Status400BadRequest,
                $"{Shown(unstorable)} may not contain NUL characters or unpaired surrogates."));
        return (new Open311Call(known, request.Query, form), null);
    }

    private static string Shown(string field) => StorableText.IsStorable(field) ? field : "A field name";

    /// <summary>
    /// The street a read is for: the key's (a jurisdiction_id given beside it must be the same), or the
    /// jurisdiction_id of a configured client when no key is sent. Anonymous readers see what any reporter sees.
    /// </summary>
    public (string? Street, Open311Answer? Refusal) ReaderStreet(Open311Clients clients)
    {
        if (this["api_key"] is not null)
        {
            var (client, refusal) = Writer(clients);
            return (client?.Street, refusal);
        }
        var jurisdiction = this["jurisdiction_id"];
        if (jurisdiction is null) return (null, Missing("jurisdiction_id"));
        return clients.IsJurisdiction(jurisdiction)
            ? (jurisdiction, null)
            : (null, Error(StatusCodes.Status404NotFound, "jurisdiction_id provided was not found."));
    }

    /// <summary>The client a write comes from: a valid api_key (403 otherwise) for the jurisdiction_id, when given.</summary>
    public (Open311Client? Client, Open311Answer? Refusal) Writer(Open311Clients clients)
    {
        var client = clients.WithKey(this["api_key"]);
        if (client is null) return (null, Error(StatusCodes.Status403Forbidden, "Invalid api_key received -- can't proceed."));
        var jurisdiction = this["jurisdiction_id"];
        if (jurisdiction is null || jurisdiction == client.Street) return (client, null);
        return clients.IsJurisdiction(jurisdiction)
            ? (null, Error(StatusCodes.Status403Forbidden, "The api_key is not valid for this jurisdiction_id."))
            : (null, Error(StatusCodes.Status404NotFound, "jurisdiction_id provided was not found."));
    }

    /// <summary>A W3C date-time (with an offset, or Z); false when the field is present but unreadable.</summary>
    public bool TryTime(string field, out DateTimeOffset? time)
    {
        time = null;
        if (this[field] is not { } text) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return false;
        time = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>The call's fields, whatever their order or the answer's format: equal for a client's retry of it.</summary>
    public string Fingerprint(string operation)
    {
        var fields = _query.Concat(_form)
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={string.Join('\u001f', f.Value.ToArray())}");
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{operation}\n{string.Join('\n', fields)}")));
    }

    public IReadOnlyList<string> ListOf(string field) =>
        this[field]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
