namespace IssueTracker.Host.Open311;

public static class GetServiceListEndpoint
{
    [WolverineGet(Open311Setup.Root + "/services.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string format, HttpContext context, Open311Clients clients)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        if (call["jurisdiction_id"] is { } jurisdiction && !clients.IsJurisdiction(jurisdiction))
            return call.Error(StatusCodes.Status404NotFound, "jurisdiction_id provided was not found.");
        return call.List("services", "service", ServiceCatalogue.All.Select(s => s.ToWire()));
    }
}
