using IssueTracker.Domain.Shared;
using IssueTracker.Projections.MeetingMinutes;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Meetings;

public sealed record MeetingList(IReadOnlyList<MeetingMinutes> Items);

public static class ListMeetingsEndpoint
{
    public const int MaxItems = 500;

    /// <summary>The street's meetings, soonest first, optionally for one community and a time window [from, to].</summary>
    [ApiOperation("List meetings", "议事会列表")]
    [WolverineGet("/api/meetings")]
    [ProducesResponseType<MeetingList>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        string? community, DateTimeOffset? from, DateTimeOffset? to, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = new Validation()
            .Check(from is null || to is null || from <= to, "from", "'from' must not be after 'to'.");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        IQueryable<MeetingMinutes> query = session.Query<MeetingMinutes>();
        if (community is not null) query = query.Where(x => x.Community == community);
        if (from is not null) query = query.Where(x => x.ScheduledAt >= from.Value);
        if (to is not null) query = query.Where(x => x.ScheduledAt <= to.Value);

        var items = await query.OrderBy(x => x.ScheduledAt).Take(MaxItems).ToListAsync(ct);
        return TypedResults.Ok(new MeetingList(items.Select(m => m.For(user)).ToList()));
    }
}
