using IssueTracker.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using Wolverine.Http;

namespace IssueTracker.Host.Volunteers.Ledgers;

public static class GetLedgerEndpoint
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A ledger as JSON, or with format=xlsx as the spreadsheet the street files (Chinese headers), streamed to the client.
    /// Residents' names are in the wishes ledger: hosts, admins and auditors only.
    /// </summary>
    [WolverineGet("/api/ledgers/{kind}"), Authorize(Roles = Who.Auditors)]
    [ProducesResponseType<Ledger>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string kind, string? format, IQuerySession session, HttpContext context, CancellationToken ct)
    {
        if (format is not (null or "json" or "xlsx"))
            return Problems.For(new Domain.Shared.Validation().Add("format", "'format' is json or xlsx.").ToRejection());
        if (await FiveLedgers.BuildAsync(kind, session, ct) is not { } ledger)
            return Problems.Problem(StatusCodes.Status404NotFound, "not-found", "Not found",
                $"No ledger '{kind}': one of {string.Join(", ", Ledger.Kinds)}.");
        if (format != "xlsx") return TypedResults.Ok(ledger);

        context.Response.ContentType = XlsxType;
        context.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{kind}.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString(ledger.Title)}.xlsx";
        await context.Response.Body.SaveAsAsync(ledger.ForSpreadsheet(), sheetName: ledger.Title, excelType: ExcelType.XLSX,
            cancellationToken: ct);
        return TypedResults.Empty;
    }
}
