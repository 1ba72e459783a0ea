namespace IssueTracker.Projections.IssueDetails;

/// <summary>
/// Substring search over Chinese text of any length: every character and every pair of neighbouring characters of the
/// searchable fields, so a GIN index over the stored document answers "contains 地锁" (pg_trgm and Marten's n-gram
/// index need three characters or drop non-Latin text). A query asks for all grams of each of its words; the exact
/// substring test then runs only on the rows the index found.
/// </summary>
public static class IssueSearch
{
    /// <summary>
    /// The distinct grams of the fields' words, in ordinal order, without a string per gram until the end: a rebuild
    /// computes this for every issue, and it was a sixth of the fold's time as a chain of LINQ over per-gram strings.
    /// </summary>
    public static IReadOnlyList<string> Of(params string?[] fields)
    {
        // A gram as a number that sorts as the ordinal string does: its first character, then whether a second one
        // follows (a character sorts before every pair it begins), then that second character.
        var keys = new HashSet<long>();
        foreach (var word in fields.SelectMany(Words))
        {
            var lower = word.ToLowerInvariant();
            for (var i = 0; i < lower.Length; i++)
            {
                keys.Add((long)lower[i] << 17);
                if (i + 1 < lower.Length) keys.Add(((long)lower[i] << 17) | (1L << 16) | lower[i + 1]);
            }
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var grams = new string[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var first = (char)(sorted[i] >> 17);
            grams[i] = (sorted[i] & (1L << 16)) == 0 ? first.ToString() : new string([first, (char)(sorted[i] & 0xFFFF)]);
        }
        return grams;
    }

    /// <summary>The grams a document must contain for <paramref name="word"/> to be a substring of one of its fields.</summary>
    public static IReadOnlyList<string> Required(string word) =>
        word.Length == 1 ? [word.ToLowerInvariant()] : Bigrams(word.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Bigrams(string word)
    {
        for (var i = 0; i + 1 < word.Length; i++) yield return word.Substring(i, 2);
    }
}
