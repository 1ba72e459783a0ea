using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace IssueTracker.Host.Volunteers.Ledgers;

public static class GetLedgerEndpoint
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// A ledger as JSON, or with format=xlsx as the spreadsheet the street files (Chinese headers).
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

        // The zip inside an xlsx is finished with synchronous writes, which Kestrel refuses on a response body: the
        // sheet is written to a temporary file first and sent from there.
        await using var sheet = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await sheet.SaveAsAsync(ledger.ForSpreadsheet(), sheetName: ledger.Title, excelType: ExcelType.XLSX, cancellationToken: ct);
        sheet.Position = 0;
        context.Response.ContentType = XlsxType;
        context.Response.ContentLength = sheet.Length;
        context.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{kind}.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString(ledger.Title)}.xlsx";
        await sheet.CopyToAsync(context.Response.Body, ct);
        return TypedResults.Empty;
    }
}
