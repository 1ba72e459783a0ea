using System.Globalization;
using CsvHelper;

namespace IssueTracker.Host.Audit;

/// <summary>The history as a spreadsheet: UTF-8 with a byte order mark, so Excel shows Chinese text as it is.</summary>
public static class HistoryCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        // Residents' text must not run as a spreadsheet formula; the data column starts with '{' and stays exact.
        Injection = CsvInjection.Escape
    };

    public static byte[] Write(Guid issueId, IEnumerable<HistoryEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader([
                "issueId", "version", "sequence", "timestamp", "type", "actorId", "actorName", "actorRole", "actorOrg",
                "correlationId", "data", "hash"
            ]);
            foreach (var e in entries)
            {
                csv.WriteRecord([
                    issueId.ToString(), e.Version.ToString(CultureInfo.InvariantCulture),
                    e.Sequence.ToString(CultureInfo.InvariantCulture), e.Timestamp.ToString("O", CultureInfo.InvariantCulture),
                    e.Type, e.Actor?.Id, e.Actor?.Name, e.Actor?.Role, e.Actor?.Org, e.CorrelationId,
                    HashChain.Canonical(e.Data), e.Hash
                ]);
            }
        }
        return buffer.ToArray();
    }
}
