namespace IssueTracker.Host.Open311;

public static class GetDiscoveryEndpoint
{
    /// <summary>When the facade's contract last changed (the spec's changeset).</summary>
    public static readonly DateTimeOffset Changeset = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [WolverineGet(Open311Setup.Root + "/discovery.{format}"), AllowAnonymous]
    public static async Task<IResult> Get(string format, HttpContext context)
    {
        var (call, refusal) = await Open311Call.Read(context, format);
        if (call is null) return refusal!;
        var request = context.Request;
        var endpoint = new Open311Object()
            .Add("specification", "http://wiki.open311.org/GeoReport_v2")
            .Add("url", $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Setup.Root}")
            .Add("changeset", Changeset)
            .Add("type", "production")
            .Add("formats", new Open311List("format", ["text/xml", "application/json"]));
        return call.Answer("discovery", new Open311Object()
            .Add("changeset", Changeset)
            .Add("contact", "街道办事处党群服务中心 / the street office's party and community service centre")
            .Add("key_service", "api_key 由街道办事处发放（Open311:Clients）/ keys are issued by the street office")
            .Add("endpoints", new Open311List("endpoint", [endpoint])));
    }
}
