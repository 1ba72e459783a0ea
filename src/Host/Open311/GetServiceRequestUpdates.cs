using JasperFx.Events;
using Marten.Events;

namespace IssueTracker.Host.Open311;

/// <summary>
/// mySociety's servicerequestupdates: the street's lifecycle events recorded in [start_date, end_date] (both or neither;
/// the last day when neither), oldest first, as updates with the extended states FixMyStreet maps. update_id is the
/// event's id, the same id POST servicerequestupdates answered, so a client can tell its own updates.
/// </summary>
public static class GetServiceRequestUpdatesEndpoint
{
    public const int MaxUpdates = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    [WolverineGet(Open311Setup.Root + "/servicerequestupdates.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string format, HttpContext context, Open311Clients clients, IDocumentStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var (street, forbidden) = call.ReaderStreet(clients);
        if (street is null) return forbidden!;
        if (!call.TryTime("start_date", out var start)) return call.Error(StatusCodes.Status400BadRequest, "start_date is not a W3C date-time.");
        if (!call.TryTime("end_date", out var end)) return call.Error(StatusCodes.Status400BadRequest, "end_date is not a W3C date-time.");
        if (start is null != end is null) return call.Error(StatusCodes.Status400BadRequest, "start_date and end_date come together.");
        if (start > end) return call.Error(StatusCodes.Status400BadRequest, "start_date is after end_date.");

        var until = end ?? clock.GetUtcNow();
        var from = start ?? until - DefaultWindow;
        await using var session = store.QuerySession(street);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(ServiceRequestStates.UpdateEvents))
            .Where(e => e.Timestamp >= from && e.Timestamp <= until)
            .OrderBy(e => e.Sequence)
            .Take(MaxUpdates)
            .ToListAsync(ct);
        var before = await StatesBefore(session, events, ct);
        return call.List("service_requests_updates", "request_update", ServiceRequestStates.Updates(events, before).Select(ToWire));
    }

    /// <summary>The state each commented request was in before the window: the state of its last update before it.</summary>
    private static async Task<IReadOnlyDictionary<Guid, string>> StatesBefore(IQuerySession session, IReadOnlyList<IEvent> events,
        CancellationToken ct)
    {
        var commented = events.Where(e => e.Data is Domain.Issues.CommentAdded).Select(e => e.StreamId).Distinct().ToArray();
        if (commented.Length == 0) return new Dictionary<Guid, string>();
        var first = events[0].Sequence;
        var earlier = await session.Events.QueryAllRawEvents()
            .Where(e => commented.Contains(e.StreamId) && e.Sequence < first)
            .Where(e => e.EventTypesAre(ServiceRequestStates.StateEvents))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return ServiceRequestStates.Updates(earlier, new Dictionary<Guid, string>())
            .GroupBy(u => u.Event.StreamId)
            .ToDictionary(g => g.Key, g => g.Last().Status);
    }

    private static Open311Object ToWire((IEvent Event, string Status, string Description) update) => new Open311Object()
        .Add("update_id", update.Event.Id.ToString())
        .Add("service_request_id", update.Event.StreamId.ToString())
        .Add("status", update.Status)
        .Add("updated_datetime", (update.Event.Data as Domain.Shared.IAuthoredEvent)?.At ?? update.Event.Timestamp)
        .Add("description", update.Description)
        .Add("media_url", null);
}
