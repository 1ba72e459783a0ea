using IssueTracker.Domain.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Host.Open311;

/// <summary>
/// GET requests: by service_request_id (a comma-separated list; other filters then do not apply, as the spec says),
/// or by service_code, status and a requested_datetime window (the last 90 days when none is given); at most 1000.
/// </summary>
public static class GetServiceRequestsEndpoint
{
    public const int MaxRequests = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    [WolverineGet(Open311Setup.Root + "/requests.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string format, HttpContext context, Open311Clients clients, LocationPrivacy privacy,
        IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var (street, forbidden) = call.ReaderStreet(clients);
        if (street is null) return forbidden!;

        await using var session = store.QuerySession(street);
        IQueryable<IssueDetails> query = session.Query<IssueDetails>();
        if (call.ListOf("service_request_id") is { Count: > 0 } wanted)
        {
            var ids = wanted.Select(w => Guid.TryParse(w, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();
            query = query.Where(x => ids.Contains(x.Id));
        }
        else
        {
            var services = call.ListOf("service_code").Select(c => ServiceCatalogue.For(c)).ToList();
            if (services.Any(s => s is null)) return call.Error(StatusCodes.Status400BadRequest, "service_code names an unknown service.");
            var statuses = call.ListOf("status").Select(s => s.ToLowerInvariant()).ToList();
            if (statuses.Any(s => s is not ("open" or "closed"))) return call.Error(StatusCodes.Status400BadRequest, "status must be open or closed.");
            if (!call.TryTime("start_date", out var start)) return call.Error(StatusCodes.Status400BadRequest, "start_date is not a W3C date-time.");
            if (!call.TryTime("end_date", out var end)) return call.Error(StatusCodes.Status400BadRequest, "end_date is not a W3C date-time.");
            if (start > end) return call.Error(StatusCodes.Status400BadRequest, "start_date is after end_date.");

            var from = start ?? (end ?? clock.GetUtcNow()) - DefaultWindow;
            query = query.Where(x => x.RaisedAt >= from);
            if (end is { } until) query = query.Where(x => x.RaisedAt <= until);
            if (services.Count > 0)
            {
                var categories = services.Select(s => s!.Category).ToArray();
                query = query.Where(x => categories.Contains(x.Category));
            }
            if (statuses.Distinct().Count() == 1)
            {
                var closed = ServiceRequestStates.ClosedStatuses;
                query = statuses[0] == "closed" ? query.Where(x => closed.Contains(x.Status)) : query.Where(x => !closed.Contains(x.Status));
            }
        }
        var issues = await query.OrderByDescending(x => x.RaisedAt).Take(MaxRequests).ToListAsync(ct);
        var names = await OrganisationDirectory.NamesAsync(session, ct);
        return call.List("service_requests", "request", issues.Select(i => i.ToWire(privacy, names)));
    }
}
