using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.Issues;

namespace IssueTracker.Host.Issues;

/// <summary>
/// The issue list's filters, as GET /api/issues and its export take them: what each may be, and which issues it keeps.
/// </summary>
public sealed record IssueFilter(
    string? Status, string? Community, int? Grid, string? Category, string? Assignee, bool? Overdue, string? Q,
    string? RaisedBy, DateTimeOffset? RaisedFrom, DateTimeOffset? RaisedTo, string? Sort)
{
    public const int MaxQuery = 100;
    public const string Me = "me";
    public static readonly string[] Sorts = ["raisedAt", "-raisedAt", "updatedAt", "-updatedAt", "dueBy"];

    public Validation Check(Validation validation, Actor me) => validation
        .Check(Status is null || TryParse<IssueStatus>(Status, out _), "status", ErrorCodes.UnknownValue, "Unknown status.", "未知的状态。")
        .Check(Category is null || TryParse<IssueCategory>(Category, out _), "category", ErrorCodes.UnknownValue, "Unknown category.", "未知的类别。")
        .Check(Sort is null || Sorts.Contains(Sort), "sort", ErrorCodes.UnknownValue, $"'sort' is one of {string.Join(", ", Sorts)}.",
            $"「sort」只能是 {string.Join("、", Sorts)}。")
        .Check(Q is null || Q.Trim().Length is >= 1 and <= MaxQuery, "q", ErrorCodes.OutOfRange, $"'q' must be 1..{MaxQuery} characters.",
            $"「q」须为 1 到 {MaxQuery} 个字符。")
        .Check(Assignee != Me || me.IsAny(Roles.Assignee) && me.Org is not null, "assignee", ErrorCodes.Invalid,
            "'assignee=me' is for assignee tokens: it means your organisation.", "「assignee=me」仅适用于责任单位的令牌。")
        .Check(RaisedBy is null || RaisedBy == Me || me.IsAny(Roles.Host, Roles.Admin, Roles.Auditor), "raisedBy", ErrorCodes.Invalid,
            "Only hosts and auditors may name another user; use 'raisedBy=me'.", "只有主持人和审计员可以指定其他用户；请用「raisedBy=me」。")
        .Check(RaisedFrom is null || RaisedTo is null || RaisedFrom <= RaisedTo, "raisedTo", ErrorCodes.OutOfRange,
            "'raisedTo' must not be before 'raisedFrom'.", "「raisedTo」不能早于「raisedFrom」。");

    /// <summary>The issues the filters keep; call after <see cref="Check"/> found them valid.</summary>
    public IQueryable<IssueDetails> Apply(IQueryable<IssueDetails> query, Actor me, DateTimeOffset now)
    {
        if (Status is not null && TryParse<IssueStatus>(Status, out var s)) query = query.Where(x => x.Status == s);
        if (Category is not null && TryParse<IssueCategory>(Category, out var c)) query = query.Where(x => x.Category == c);
        if (Community is not null) query = query.Where(x => x.Location.Community == Community);
        if (Grid is not null) query = query.Where(x => x.Location.Grid == Grid);
        if (Assignee is not null)
        {
            var org = Assignee == Me ? me.Org : Assignee;
            query = query.Where(x => x.Assignee == org);
        }
        if (RaisedBy is not null)
        {
            var who = RaisedBy == Me ? me.Id : RaisedBy;
            query = query.Where(x => x.RaisedBy == who);
        }
        // RaisedAt is a timestamptz column: PostgreSQL takes an instant, and Npgsql only one written in UTC.
        if (RaisedFrom?.ToUniversalTime() is { } from) query = query.Where(x => x.RaisedAt >= from);
        if (RaisedTo?.ToUniversalTime() is { } to) query = query.Where(x => x.RaisedAt <= to);
        if (Q is not null) query = Search(query, Q);
        if (Overdue is { } wanted) query = query.Where(OverdueRule.Where<IssueDetails>(now, wanted));
        return query;
    }

    /// <summary>Every word of q is a substring of the title, description, compound or building (case-insensitive).</summary>
    private static IQueryable<IssueDetails> Search(IQueryable<IssueDetails> query, string q)
    {
        foreach (var word in IssueSearch.Words(q))
        {
            // The grams find the candidates through the document's GIN index; the substring test checks them.
            foreach (var gram in IssueSearch.Required(word)) query = query.Where(x => x.SearchGrams!.Contains(gram));
            query = query.Where(x => x.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
                                     || x.Description.Contains(word, StringComparison.OrdinalIgnoreCase)
                                     || x.Location.Compound!.Contains(word, StringComparison.OrdinalIgnoreCase)
                                     || x.Location.Building!.Contains(word, StringComparison.OrdinalIgnoreCase));
        }
        return query;
    }

    /// <summary>
    /// Each order reads the street's (tenant_id, column, id) index (IssueListSetup), forwards or backwards: the id breaks
    /// ties in the order's own direction.
    /// </summary>
    public IQueryable<IssueDetails> Sorted(IQueryable<IssueDetails> query) => Sort switch
    {
        "raisedAt" => query.OrderBy(x => x.RaisedAt).ThenBy(x => x.Id),
        "updatedAt" => query.OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id),
        "-updatedAt" => query.OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id),
        "dueBy" => query.OrderBy(x => x.DueBy).ThenBy(x => x.Id),
        _ => query.OrderByDescending(x => x.RaisedAt).ThenByDescending(x => x.Id)
    };

    private static bool TryParse<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);
}
