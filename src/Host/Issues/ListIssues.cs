using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Open311;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.Issues;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using IssueTracker.Host.Infrastructure.OpenApi;

namespace IssueTracker.Host.Issues;

public sealed record IssuePage(IReadOnlyList<IssueDetails> Items, int Page, int PageSize, long Total);

public static class ListIssuesEndpoint
{
    public const int MaxPageSize = 200;
    public const int MaxWindow = 100_000;
    public const int MaxQuery = 100;
    public const string Me = "me";
    public static readonly string[] Sorts = ["raisedAt", "-raisedAt", "updatedAt", "-updatedAt", "dueBy"];

    [ApiOperation("List issues: filtered, searched and paged", "问题列表：筛选、搜索、分页",
        Description = "q searches title, description, compound and building (any length, Chinese too). Unknown parameters are 400; page × pageSize ≤ 100000.",
        ChineseDescription = "q 检索标题、描述、小区和楼栋（任意长度，含中文）；未知参数返回 400；page × pageSize 不超过 100000。")]
    [WolverineGet("/api/issues")]
    [ProducesResponseType<IssuePage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        string? status, string? community, int? grid, string? category, string? assignee, bool? overdue, string? q,
        string? raisedBy, DateTimeOffset? raisedFrom, DateTimeOffset? raisedTo, string? sort, int? page, int? pageSize,
        IQuerySession session, ClaimsPrincipal user, TimeProvider clock, LocationPrivacy privacy,
        CancellationToken ct)
    {
        var me = user.ToActor();
        int number = page ?? 1, size = pageSize ?? 50;
        var validation = new Validation()
            .Check(status is null || TryParse<IssueStatus>(status, out _), "status", ErrorCodes.UnknownValue, "Unknown status.", "未知的状态。")
            .Check(category is null || TryParse<IssueCategory>(category, out _), "category", ErrorCodes.UnknownValue, "Unknown category.", "未知的类别。")
            .Check(page is null or >= 1, "page", ErrorCodes.OutOfRange, "'page' starts at 1.", "「page」从 1 开始。")
            .Check(pageSize is null or >= 1 and <= MaxPageSize, "pageSize", ErrorCodes.OutOfRange, $"'pageSize' must be 1..{MaxPageSize}.",
                $"「pageSize」须在 1 到 {MaxPageSize} 之间。")
            .Check((long)number * size <= MaxWindow, "page", ErrorCodes.OutOfRange, $"'page' × 'pageSize' may be at most {MaxWindow}.",
                $"「page」×「pageSize」不能超过 {MaxWindow}。")
            .Check(sort is null || Sorts.Contains(sort), "sort", ErrorCodes.UnknownValue, $"'sort' is one of {string.Join(", ", Sorts)}.",
                $"「sort」只能是 {string.Join("、", Sorts)}。")
            .Check(q is null || q.Trim().Length is >= 1 and <= MaxQuery, "q", ErrorCodes.OutOfRange, $"'q' must be 1..{MaxQuery} characters.",
                $"「q」须为 1 到 {MaxQuery} 个字符。")
            .Check(assignee != Me || me.IsAny(Roles.Assignee) && me.Org is not null, "assignee", ErrorCodes.Invalid,
                "'assignee=me' is for assignee tokens: it means your organisation.", "「assignee=me」仅适用于责任单位的令牌。")
            .Check(raisedBy is null || raisedBy == Me || me.IsAny(Roles.Host, Roles.Admin, Roles.Auditor), "raisedBy", ErrorCodes.Invalid,
                "Only hosts and auditors may name another user; use 'raisedBy=me'.", "只有主持人和审计员可以指定其他用户；请用「raisedBy=me」。")
            .Check(raisedFrom is null || raisedTo is null || raisedFrom <= raisedTo, "raisedTo", ErrorCodes.OutOfRange,
                "'raisedTo' must not be before 'raisedFrom'.", "「raisedTo」不能早于「raisedFrom」。");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        IQueryable<IssueDetails> query = session.Query<IssueDetails>();
        if (status is not null && TryParse<IssueStatus>(status, out var s)) query = query.Where(x => x.Status == s);
        if (category is not null && TryParse<IssueCategory>(category, out var c)) query = query.Where(x => x.Category == c);
        if (community is not null) query = query.Where(x => x.Location.Community == community);
        if (grid is not null) query = query.Where(x => x.Location.Grid == grid);
        if (assignee is not null)
        {
            var org = assignee == Me ? me.Org : assignee;
            query = query.Where(x => x.Assignee == org);
        }
        if (raisedBy is not null)
        {
            var who = raisedBy == Me ? me.Id : raisedBy;
            query = query.Where(x => x.RaisedBy == who);
        }
        if (raisedFrom is { } from) query = query.Where(x => x.RaisedAt >= from);
        if (raisedTo is { } to) query = query.Where(x => x.RaisedAt <= to);
        if (q is not null) query = Search(query, q);
        var now = clock.GetUtcNow();
        if (overdue is { } wanted) query = query.Where(OverdueRule.Where<IssueDetails>(now, wanted));

        // Counted apart from the page: a windowed count would make PostgreSQL read and sort every matching document.
        var total = await query.LongCountAsync(ct);
        var items = await Sorted(query, sort).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var privateData = user.SeesPrivateData();
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return TypedResults.Ok(new IssuePage(items
            .Select(x => x.AsOf(now).Served() with { AssigneeName = names.NameOf(x.Assignee) })
            .Select(x => privateData ? x : x.WithoutReporter(privacy.Hides(x.Category))).ToList(), number, size, total));
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

    /// <summary>Each order has its own index (raisedAt, updatedAt and dueBy are duplicated columns); the id breaks ties.</summary>
    private static IQueryable<IssueDetails> Sorted(IQueryable<IssueDetails> query, string? sort) => sort switch
    {
        "raisedAt" => query.OrderBy(x => x.RaisedAt).ThenBy(x => x.Id),
        "updatedAt" => query.OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id),
        "-updatedAt" => query.OrderByDescending(x => x.UpdatedAt).ThenBy(x => x.Id),
        "dueBy" => query.OrderBy(x => x.DueBy).ThenBy(x => x.Id),
        _ => query.OrderByDescending(x => x.RaisedAt).ThenBy(x => x.Id)
    };

    private static bool TryParse<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);
}
