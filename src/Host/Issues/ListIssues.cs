using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Open311;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.Issues;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Issues;

/// <summary>A page of the list; <c>Total</c> is exact when <c>TotalIsExact</c>, else a lower bound (more than <see cref="ListIssuesEndpoint.ExactTotalUpTo"/> match).</summary>
public sealed record IssuePage(IReadOnlyList<IssueDetails> Items, int Page, int PageSize, long Total, bool TotalIsExact);

public static class ListIssuesEndpoint
{
    public const int MaxPageSize = 200;
    public const int MaxWindow = 100_000;
    public const int ExactTotalUpTo = 10_000;

    [ApiOperation("List issues: filtered, searched and paged", "问题列表：筛选、搜索、分页",
        Description = "q searches title, description, compound and building (any length, Chinese too). Unknown parameters are 400; page × pageSize ≤ 100000. " +
                      "total is exact up to 10000 matches (totalIsExact true); beyond that totalIsExact is false and total is 10001, a lower bound.",
        ChineseDescription = "q 检索标题、描述、小区和楼栋（任意长度，含中文）；未知参数返回 400；page × pageSize 不超过 100000。" +
                             "匹配不超过 10000 条时 total 为准确数（totalIsExact 为 true）；超过时 totalIsExact 为 false，total 为 10001（下限）。")]
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
        var filter = new IssueFilter(status, community, grid, category, assignee, overdue, q, raisedBy, raisedFrom, raisedTo, sort);
        var validation = filter.Check(new Validation(), me)
            .Check(page is null or >= 1, "page", ErrorCodes.OutOfRange, "'page' starts at 1.", "「page」从 1 开始。")
            .Check(pageSize is null or >= 1 and <= MaxPageSize, "pageSize", ErrorCodes.OutOfRange, $"'pageSize' must be 1..{MaxPageSize}.",
                $"「pageSize」须在 1 到 {MaxPageSize} 之间。")
            .Check((long)number * size <= MaxWindow, "page", ErrorCodes.OutOfRange, $"'page' × 'pageSize' may be at most {MaxWindow}.",
                $"「page」×「pageSize」不能超过 {MaxWindow}。");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        var now = clock.GetUtcNow();
        var query = filter.Apply(session.Query<IssueDetails>(), me, now);
        // Counted apart from the page (a windowed count would read and sort every match), and no further than one past
        // ExactTotalUpTo: a list read in the largest street does not count its every issue.
        var total = (await query.Select(x => x.Id).Take(ExactTotalUpTo + 1).ToListAsync(ct)).Count;
        var items = await filter.Sorted(query).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var privateData = user.SeesPrivateData();
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return TypedResults.Ok(new IssuePage(items
            .Select(x => x.AsOf(now).Served() with { AssigneeName = names.NameOf(x.Assignee) })
            .Select(x => privateData ? x : x.WithoutReporter(privacy.Hides(x.Category))).ToList(), number, size, total, total <= ExactTotalUpTo));
    }
}
