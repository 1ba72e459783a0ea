using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Host.Open311;

public static class GetServiceRequestEndpoint
{
    [WolverineGet(Open311Setup.Root + "/requests/{id}.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string id, string format, HttpContext context, Open311Clients clients,
        LocationPrivacy privacy, IDocumentStore store, CancellationToken ct)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var (street, forbidden) = call.ReaderStreet(clients);
        if (street is null) return forbidden!;

        await using var session = store.QuerySession(street);
        var issue = Guid.TryParse(id, out var guid) ? await session.LoadAsync<IssueDetails>(guid, ct) : null;
        if (issue is null) return call.Error(StatusCodes.Status404NotFound, $"service_request_id {id} was not found.");
        return call.List("service_requests", "request", [issue.ToWire(privacy, await OrganisationDirectory.NamesAsync(session, ct))]);
    }
}
