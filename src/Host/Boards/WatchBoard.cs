using System.Security.Claims;
using IssueTracker.Host.Infrastructure;
using Wolverine.Http;
using IssueTracker.Host.Infrastructure.OpenApi;

namespace IssueTracker.Host.Boards;

public static class WatchBoardEndpoint
{
    public const string Route = "/api/boards/stream";

    /// <summary>
    /// Server-sent "changed" signals for the caller's street; the page refetches the board on each. EventSource
    /// cannot send headers, so this route alone also takes the token as ?access_token= (see AuthSetup).
    /// </summary>
    [ApiOperation("Board changes as server-sent events", "看板变化推送（SSE）",
        Description = "A text/event-stream that sends an event whenever the boards change; browsers pass the token as access_token.",
        ChineseDescription = "看板变化时推送事件（text/event-stream）；浏览器用 access_token 传令牌。")]
    [WolverineGet(Route)]
    public static IResult Get(ClaimsPrincipal user, BoardChanges changes, HttpContext context) =>
        TypedResults.ServerSentEvents(
            changes.Watch(user.FindFirstValue(Claims.Street)!, context.RequestAborted),
            eventType: "changed");
}
