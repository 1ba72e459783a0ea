using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Boards;

public static class WatchBoardEndpoint
{
    public const string Route = "/api/boards/stream";

    /// <summary>
    /// Server-sent "changed" signals for the ticket holder's street; the page refetches the board on each. Opened with
    /// a ticket from POST /api/boards/stream-ticket (EventSource cannot send headers); a token in the URL is refused.
    /// </summary>
    [ApiOperation("Board changes as server-sent events", "看板变化推送（SSE）",
        Description = "A text/event-stream that sends an event whenever the caller's street's boards change. Opened with ?ticket= from POST /api/boards/stream-ticket (valid 60 s to open and re-open); a token in the URL (access_token) is 401.",
        ChineseDescription = "本街道看板变化时推送事件（text/event-stream）。用 POST /api/boards/stream-ticket 取得的 ?ticket= 打开（60 秒内可打开与重连）；URL 中带令牌（access_token）为 401。")]
    [WolverineGet(Route)]
    [AllowAnonymous]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public static async Task<IResult> Get(string? ticket, IDocumentStore store, TimeProvider clock, BoardChanges changes,
        HttpContext context)
    {
        if (context.Request.Query.ContainsKey("access_token"))
            return Refused("A token in the URL is not accepted (it would be logged): open the stream with ?ticket= from POST /api/boards/stream-ticket.");
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 100) return Refused("Open the stream with ?ticket= from POST /api/boards/stream-ticket.");

        await using var session = store.QuerySession();
        var pass = await session.LoadAsync<StreamTicket>(ticket, context.RequestAborted);
        if (pass is null || pass.ExpiresAt <= clock.GetUtcNow())
            return Refused("The stream ticket is unknown or expired: get a fresh one from POST /api/boards/stream-ticket.");

        return TypedResults.ServerSentEvents(changes.Watch(pass.Street, context.RequestAborted), eventType: "changed");
    }

    private static IResult Refused(string detail) =>
        Problems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Sign-in required", detail);
}
