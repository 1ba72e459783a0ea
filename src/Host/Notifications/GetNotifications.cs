using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Notifications;

/// <summary>A page of the caller's inbox, newest first, with the unread count the workbench's bell shows.</summary>
public sealed record NotificationPage(IReadOnlyList<InAppNotification> Items, int Page, int PageSize, long Total, long Unread);

public static class GetNotificationsEndpoint
{
    public const string Readers = "assignee,host,admin";

    [WolverineGet("/api/notifications"), Authorize(Roles = Readers)]
    [ProducesResponseType<NotificationPage>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(int? page, int? pageSize, bool? unread, IQuerySession session, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var validation = new Validation()
            .Check(page is null or >= 1, "page", "'page' starts at 1.")
            .Check(pageSize is null or >= 1 and <= 200, "pageSize", "'pageSize' must be 1..200.")
            .Check((long)(page ?? 1) * (pageSize ?? 20) <= Issues.ListIssuesEndpoint.MaxWindow, "page",
                $"'page' × 'pageSize' may be at most {Issues.ListIssuesEndpoint.MaxWindow}.");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        var inbox = InboxOf(user);
        if (inbox is null) return TypedResults.Ok(new NotificationPage([], page ?? 1, pageSize ?? 20, 0, 0));
        int number = page ?? 1, size = pageSize ?? 20;
        var query = session.Query<InAppNotification>().Where(x => x.Inbox == inbox);
        var all = query;
        if (unread == true) query = query.Where(x => x.ReadAt == null);
        var items = await query.OrderByDescending(x => x.OccurredAt).ThenBy(x => x.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var total = await query.LongCountAsync(ct);
        // Counted after the page is read: a notification arriving meanwhile is in the count, never shown but uncounted.
        var unreadCount = await all.Where(x => x.ReadAt == null).LongCountAsync(ct);
        return TypedResults.Ok(new NotificationPage(items, number, size, total, unreadCount));
    }

    /// <summary>Hosts and admins read the street's hosts' inbox; an assignee its organisation's.</summary>
    public static string? InboxOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Host) || user.IsInRole(Roles.Admin) ? "hosts"
        : user.FindFirst(Claims.Org)?.Value is { Length: > 0 } org ? "org:" + org : null;
}
