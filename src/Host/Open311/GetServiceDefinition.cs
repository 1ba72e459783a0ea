namespace IssueTracker.Host.Open311;

public static class GetServiceDefinitionEndpoint
{
    /// <summary>No category defines attributes yet (every service says metadata=false): the definitions are empty.</summary>
    [WolverineGet(Open311Setup.Root + "/services/{code}.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string code, string format, HttpContext context, Open311Clients clients)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        if (call["jurisdiction_id"] is { } jurisdiction && !clients.IsJurisdiction(jurisdiction))
            return call.Error(StatusCodes.Status404NotFound, "jurisdiction_id provided was not found.");
        if (ServiceCatalogue.For(code) is not { } service)
            return call.Error(StatusCodes.Status404NotFound, $"service_code {code} was not found.");
        return call.Answer("service_definition", new Open311Object()
            .Add("service_code", service.Code)
            .Add("attributes", new Open311List("attribute", [])));
    }
}
