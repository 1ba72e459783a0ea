namespace IssueTracker.Host.Volunteers.Ledgers;

/// <summary>A column of a ledger: its JSON key and the Chinese header of the filed document.</summary>
public sealed record LedgerColumn(string Key, string Header);

/// <summary>One of the five micro ledgers (五微台账), as the street files it: a title, columns, and a row per entry.</summary>
public sealed record Ledger(string Kind, string Title, IReadOnlyList<LedgerColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows)
{
    public static readonly string[] Kinds = ["micro-tasks", "teams", "wishes", "ventures", "grids"];

    /// <summary>The rows keyed by the Chinese headers, in column order, for the spreadsheet.</summary>
    public IEnumerable<IDictionary<string, object?>> ForSpreadsheet() =>
        Rows.Select(row => (IDictionary<string, object?>)Columns.ToDictionary(c => c.Header, c => row.GetValueOrDefault(c.Key)));
}

/// <summary>Builds a ledger from typed entries with one definition per column.</summary>
public sealed class LedgerBuilder<T>(string kind, string title)
{
    private readonly List<(LedgerColumn Column, Func<T, object?> Value)> _columns = [];

    public LedgerBuilder<T> Column(string key, string header, Func<T, object?> value)
    {
        _columns.Add((new LedgerColumn(key, header), value));
        return this;
    }

    public Ledger Build(IEnumerable<T> entries) => new(kind, title, _columns.Select(c => c.Column).ToList(),
        entries.Select(e => (IReadOnlyDictionary<string, object?>)_columns.ToDictionary(c => c.Column.Key, c => c.Value(e))).ToList());
}
