using System.Security.Claims;
using IssueTracker.Host.Infrastructure;
using Wolverine.Http;

namespace IssueTracker.Host.Boards;

public static class WatchBoardEndpoint
{
    public const string Route = "/api/boards/stream";

    /// <summary>
    /// Server-sent "changed" signals for the caller's street; the page refetches the board on each. EventSource
    /// cannot send headers, so this route alone also takes the token as ?access_token= (see AuthSetup).
    /// </summary>
    [WolverineGet(Route)]
    public static IResult Get(ClaimsPrincipal user, BoardChanges changes, HttpContext context) =>
        TypedResults.ServerSentEvents(
            changes.Watch(user.FindFirstValue(Claims.Street)!, context.RequestAborted),
            eventType: "changed");
}
