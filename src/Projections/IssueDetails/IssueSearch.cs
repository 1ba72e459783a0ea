namespace IssueTracker.Projections.IssueDetails;

/// <summary>
/// Substring search over Chinese text of any length: every character and every pair of neighbouring characters of the
/// searchable fields, so a GIN index over the stored document answers "contains 地锁" (pg_trgm and Marten's n-gram
/// index need three characters or drop non-Latin text). A query asks for all grams of each of its words; the exact
/// substring test then runs only on the rows the index found.
/// </summary>
public static class IssueSearch
{
    public static IReadOnlyList<string> Of(params string?[] fields) =>
        fields.SelectMany(Words).SelectMany(GramsOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The grams a document must contain for <paramref name="word"/> to be a substring of one of its fields.</summary>
    public static IReadOnlyList<string> Required(string word) =>
        word.Length == 1 ? [word.ToLowerInvariant()] : Bigrams(word.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> GramsOf(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.Select(c => c.ToString()).Concat(Bigrams(lower));
    }

    private static IEnumerable<string> Bigrams(string word)
    {
        for (var i = 0; i + 1 < word.Length; i++) yield return word.Substring(i, 2);
    }
}
