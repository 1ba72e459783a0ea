using System.Text.Json;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// Refuses (400) text that PostgreSQL cannot store — NUL characters and unpaired UTF-16 surrogates — in query values
/// and in JSON body strings, before it reaches an endpoint and fails deep inside a save or a query.
/// Malformed JSON is left to the endpoint's own 400.
/// </summary>
public sealed class StorableText(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // The Open311 facade checks its own fields and answers in its own wire format.
        if (request.Path.StartsWithSegments(Open311.Open311Setup.Root))
        {
            await next(context);
            return;
        }
        var field = request.Query.Where(q => q.Value.Any(v => !IsStorable(v))).Select(q => q.Key).FirstOrDefault()
                    ?? (request.Body is MemoryStream body ? FirstUnstorable(body) : null);
        if (field is not null)
        {
            await Problems.For(new Domain.Shared.Validation()
                    .Add(field, "Text may not contain NUL characters or unpaired surrogates.").ToRejection())
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    /// <summary>The property (or query key) holding unstorable text, or null; the stream's position is kept.</summary>
    private static string? FirstUnstorable(MemoryStream body)
    {
        var reader = new Utf8JsonReader(body.GetBuffer().AsSpan(0, (int)body.Length));
        var property = "$";
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) continue;
                var text = reader.GetString();
                if (!IsStorable(text)) return reader.TokenType == JsonTokenType.PropertyName ? "$" : property;
                if (reader.TokenType == JsonTokenType.PropertyName) property = text!;
            }
        }
        catch (InvalidOperationException) { return property; }
        catch (JsonException) { }
        return null;
    }

    internal static bool IsStorable(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (text[i] == '\0' || char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
