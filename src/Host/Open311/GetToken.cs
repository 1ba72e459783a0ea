using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Host.Open311;

/// <summary>POST requests answers the service_request_id at once; a token is that id, and this answers for completeness.</summary>
public static class GetTokenEndpoint
{
    [WolverineGet(Open311Setup.Root + "/tokens/{token}.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string token, string format, HttpContext context, Open311Clients clients,
        IDocumentStore store, CancellationToken ct)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var (street, forbidden) = call.ReaderStreet(clients);
        if (street is null) return forbidden!;

        await using var session = store.QuerySession(street);
        var issue = Guid.TryParse(token, out var id) ? await session.LoadAsync<IssueDetails>(id, ct) : null;
        return issue is null
            ? call.Error(StatusCodes.Status404NotFound, $"token {token} was not found.")
            : call.List("service_requests", "request",
                [new Open311Object().Add("service_request_id", issue.Id.ToString()).Add("token", token)]);
    }
}
