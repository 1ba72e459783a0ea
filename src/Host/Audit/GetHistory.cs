using System.Text.Json;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Audit;

/// <summary>One event as the auditor sees it; data is the stored JSON itself, so the hash can be recomputed from it.</summary>
public sealed record HistoryEntry(
    long Version, long Sequence, DateTimeOffset Timestamp, string Type, Actor? Actor, string? CorrelationId,
    JsonElement Data, string? Hash)
{
    public static HistoryEntry From(StoredEvent e) => new(e.Version, e.Sequence, e.Timestamp, e.Type,
        e.Actor?.Deserialize<Actor>(JsonSerializerOptions.Web), e.CorrelationId, e.Data, e.Hash);
}

public static class GetHistoryEndpoint
{
    // Reporter name and contact appear in the data: only roles that may see them (Who.Auditors) get here.
    [ApiOperation("Every event of an issue, as JSON or CSV (format=csv or Accept: text/csv)", "问题的全部事件（JSON 或 CSV）")]
    [WolverineGet("/api/issues/{issueId}/history"), Authorize(Roles = Who.Auditors)]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK, "application/json", "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid issueId, string? format, IQuerySession session, HttpRequest request, HttpResponse response,
        CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
            return Problems.For(new Validation().Add("format", "'format' is json or csv.").ToRejection());
        if (await IssueStreams.ReadAsync(session, issueId, ct) is not { } stream) return Problems.NotFound("issue");

        format ??= AsksForCsv(request) ? "csv" : null;
        var entries = stream.Events.Select(HistoryEntry.From).ToList();
        var fileName = $"issue-{issueId}-history.{format}";
        if (format == "csv") return TypedResults.File(HistoryCsv.Write(issueId, entries), "text/csv; charset=utf-8", fileName);

        if (format == "json")
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        return TypedResults.Ok(entries);
    }

    /// <summary>An Accept header that names text/csv and prefers it to JSON (a spreadsheet client, curl -H).</summary>
    private static bool AsksForCsv(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        var csv = accepted.Where(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accepted.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return csv > 0 && csv >= json;
    }
}
