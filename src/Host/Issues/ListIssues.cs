using System.Security.Claims;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Open311;
using IssueTracker.Projections.IssueDetails;
using IssueTracker.Projections.Issues;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IssueTracker.Host.Issues;

public sealed record IssuePage(IReadOnlyList<IssueDetails> Items, int Page, int PageSize, long Total);

public static class ListIssuesEndpoint
{
    public const int MaxPageSize = 200;

    [WolverineGet("/api/issues")]
    [ProducesResponseType<IssuePage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        string? status, string? community, int? grid, string? category, string? assignee, bool? overdue,
        int? page, int? pageSize, IQuerySession session, ClaimsPrincipal user, TimeProvider clock, LocationPrivacy privacy,
        CancellationToken ct)
    {
        var validation = new Validation()
            .Check(status is null || TryParse<IssueStatus>(status, out _), "status", "Unknown status.")
            .Check(category is null || TryParse<IssueCategory>(category, out _), "category", "Unknown category.")
            .Check(page is null or >= 1, "page", "'page' starts at 1.")
            .Check(pageSize is null or >= 1 and <= MaxPageSize, "pageSize", $"'pageSize' must be 1..{MaxPageSize}.");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        IQueryable<IssueDetails> query = session.Query<IssueDetails>();
        if (status is not null && TryParse<IssueStatus>(status, out var s)) query = query.Where(x => x.Status == s);
        if (category is not null && TryParse<IssueCategory>(category, out var c)) query = query.Where(x => x.Category == c);
        if (community is not null) query = query.Where(x => x.Location.Community == community);
        if (grid is not null) query = query.Where(x => x.Location.Grid == grid);
        if (assignee is not null) query = query.Where(x => x.Assignee == assignee);
        var now = clock.GetUtcNow();
        if (overdue is { } wanted) query = query.Where(OverdueRule.Where<IssueDetails>(now, wanted));

        // Counted apart from the page: a windowed count would make PostgreSQL read and sort every matching document.
        int number = page ?? 1, size = pageSize ?? 50;
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(x => x.RaisedAt).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var privateData = user.SeesPrivateData();
        return TypedResults.Ok(new IssuePage(
            items.Select(x => privateData ? x.AsOf(now) : x.AsOf(now).WithoutReporter(privacy.Hides(x.Category))).ToList(), number, size, total));
    }

    private static bool TryParse<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);
}
