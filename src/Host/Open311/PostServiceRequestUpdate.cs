using IssueTracker.Domain.Issues;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace IssueTracker.Host.Open311;

/// <summary>
/// POST servicerequestupdates: a citizen's update becomes the command it means, under the same rules as the HTTP API.
/// REOPEN — or OPEN on a resolved or confirmed issue, which is how a client without mark_reopen says it — reopens the
/// issue with the update's text as the reason. Any other update is a comment.
/// </summary>
public static class PostServiceRequestUpdateEndpoint
{
    private static readonly IssueStatus[] Reopenable = [IssueStatus.Resolved, IssueStatus.Confirmed];

    [WolverinePost(Open311Setup.Root + "/servicerequestupdates.{format}"), AllowAnonymous]
    public static async Task<IResult> Post(string format, HttpContext context, Open311Clients clients, IDocumentStore store,
        TimeProvider clock, DeadlinePolicy policy, CancellationToken ct)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var (client, forbidden) = call.Writer(clients);
        if (client is null) return forbidden!;
        if (call["service_request_id"] is not { } requestId) return call.Missing("service_request_id");
        if (call["status"]?.ToLowerInvariant() is not { } status) return call.Missing("status");
        if (!ServiceRequestStates.Incoming.Contains(status))
            return call.Error(StatusCodes.Status400BadRequest, $"status must be one of {string.Join(", ", ServiceRequestStates.Incoming).ToUpperInvariant()}.");
        if (!call.TryTime("updated_datetime", out _)) return call.Error(StatusCodes.Status400BadRequest, "updated_datetime is not a W3C date-time.");

        await using var session = Open311Call.Writing(store, client.Street, context);
        var stream = Guid.TryParse(requestId, out var id) ? await session.Events.FetchForWriting<Issue>(id, ct) : null;
        if (stream?.Aggregate is not { } issue) return call.Error(StatusCodes.Status404NotFound, $"service_request_id {requestId} was not found.");

        var now = clock.GetUtcNow();
        if (status != "reopen" && !(status == "open" && Reopenable.Contains(issue.Status)))
            return call.Error(StatusCodes.Status400BadRequest,
                "Only reopening a resolved request is accepted yet (status REOPEN, or OPEN on a closed request); comments are not.");
        // A reopen makes no assignment, so it sets no deadline timers (Decide's Deadlines stay empty).
        var decision = issue.Decide(issue.Reopen(new ReopenIssue(call["description"]), client.Actor, now), policy, now).Decision;
        if (decision.Rejection is { } rejection) return call.Rejected(rejection);

        stream.AppendMany([.. decision.Events]);
        var updateId = session.PendingChanges.Streams().Single().Events[0].Id;
        await session.SaveChangesAsync(ct);
        return call.List("service_request_updates", "request_update", [new Open311Object().Add("update_id", updateId.ToString())]);
    }
}
