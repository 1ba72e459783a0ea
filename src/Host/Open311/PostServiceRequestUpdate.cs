using IssueTracker.Domain.Issues;
using IssueTracker.Host.Reliability;

namespace IssueTracker.Host.Open311;

/// <summary>
/// POST servicerequestupdates: a citizen's update becomes the command it means, under the same rules as the HTTP API.
/// REOPEN — or OPEN on a resolved or confirmed issue, which is how a client without mark_reopen says it — reopens the
/// issue with the update's text as the reason. Any other update is a comment. Sent again with the same update_id (or
/// Idempotency-Key), it answers the first update_id and changes nothing.
/// </summary>
public static class PostServiceRequestUpdateEndpoint
{
    private static readonly IssueStatus[] Reopenable = [IssueStatus.Resolved, IssueStatus.Confirmed];

    [WolverinePost(Open311Setup.Root + "/servicerequestupdates.{format}"), AllowAnonymous]
    public static async Task<IResult> Post(string format, HttpContext context, Open311Clients clients, IDocumentStore store,
        TimeProvider clock, DeadlinePolicy policy, KeyGates gates, CancellationToken ct)
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

        var (retry, busy) = await Open311Retry.Begin(call, client, "update", call["update_id"], context, store, gates, clock, ct);
        if (retry is null) return busy!;
        await using var held = retry;
        if (retry.EarlierAnswer is { } earlier) return Answer(call, earlier);

        await using var session = Open311Call.Writing(store, client.Street, context);
        var stream = Guid.TryParse(requestId, out var id) ? await session.Events.FetchForWriting<Issue>(id, ct) : null;
        if (stream?.Aggregate is not { } issue) return call.Error(StatusCodes.Status404NotFound, $"service_request_id {requestId} was not found.");

        var now = clock.GetUtcNow();
        var reopens = status == "reopen" || status == "open" && Reopenable.Contains(issue.Status);
        // Neither a reopen nor a comment makes an assignment, so they set no deadline timers (Decide's Deadlines stay empty).
        var decision = issue.Decide(reopens
            ? issue.Reopen(new ReopenIssue(call["description"]), client.Actor, now)
            : issue.AddComment(new AddComment(call["description"]), client.Actor, now), policy, now).Decision;
        if (decision.Rejection is { } rejection) return call.Rejected(rejection);

        stream.AppendMany([.. decision.Events]);
        var updateId = session.PendingChanges.Streams().Single().Events[0].Id.ToString();
        retry.Remember(session, updateId, clock);
        await session.SaveChangesAsync(ct);
        return Answer(call, updateId);
    }

    private static Open311Answer Answer(Open311Call call, string updateId) =>
        call.List("service_request_updates", "request_update", [new Open311Object().Add("update_id", updateId)]);
}
