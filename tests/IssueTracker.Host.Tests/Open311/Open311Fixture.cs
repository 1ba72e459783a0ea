using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;

namespace IssueTracker.Host.Tests.Open311;

/// <summary>
/// The host with Open311 clients configured: each test takes a client of its own, in a street of its own
/// (<see cref="NewClient"/>), so that its date windows see only its own requests.
/// </summary>
public sealed class Open311Fixture : AppFixture
{
    private const int Clients = 60;
    private readonly string[] _streets = [.. Enumerable.Range(0, Clients).Select(_ => "o311-" + Guid.NewGuid().ToString("N")[..12])];
    private int _next = -1;

    protected override void Configure(IWebHostBuilder builder)
    {
        for (var i = 0; i < Clients; i++)
        {
            builder.UseSetting($"Open311:Clients:{i}:Name", $"FixMyStreet {i}");
            builder.UseSetting($"Open311:Clients:{i}:Key", KeyOf(i));
            builder.UseSetting($"Open311:Clients:{i}:Street", _streets[i]);
            builder.UseSetting($"Open311:Clients:{i}:Community", "明光社区");
        }
    }

    private static string KeyOf(int i) => $"key-{i}-0123456789abcdef";

    public FacadeClient NewClient()
    {
        var i = Interlocked.Increment(ref _next);
        if (i >= Clients) throw new InvalidOperationException($"Open311Fixture configures {Clients} clients; add more.");
        return new FacadeClient(new Street(this, _streets[i]), $"FixMyStreet {i}", KeyOf(i));
    }
}

[CollectionDefinition(Name)]
public sealed class Open311Collection : ICollectionFixture<Open311Fixture>
{
    public const string Name = "open311";
}

/// <summary>A configured client: its street (for the API's side of the story), name and key.</summary>
public sealed record FacadeClient(Street Street, string Name, string Key)
{
    public const string Root = "/open311/v2";

    public string Jurisdiction => Street.Id;

    public Task<Open311Reply> Get(string path, params (string Name, string Value)[] query) =>
        Send(HttpMethod.Get, path + Query(query), null);

    public Task<Open311Reply> Post(string path, params (string Name, string Value)[] fields) =>
        Send(HttpMethod.Post, path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    public async Task<Open311Reply> Send(HttpMethod method, string path, HttpContent? content)
    {
        var answer = await Street.Anonymous.Send(method, Root + path, content);
        return new Open311Reply(answer.Status, answer.Body.ValueKind == System.Text.Json.JsonValueKind.String ? answer.Body.GetString()! : answer.Body.ToString(),
            answer.Response.Content.Headers.ContentType?.ToString(), answer.Body);
    }

    /// <summary>A service request as FixMyStreet sends one: form fields with this client's key and jurisdiction.</summary>
    public async Task<Guid> Raise(string code = "parking", params (string Name, string Value)[] extra)
    {
        var reply = await Post("/requests.xml", [.. Request(code), .. extra]);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return Guid.Parse(reply.Xml.Root!.Element("request")!.Element("service_request_id")!.Value);
    }

    public (string, string)[] Request(string code = "parking") =>
    [
        ("api_key", Key), ("jurisdiction_id", Jurisdiction), ("service_code", code), ("lat", "31.8612"), ("long", "117.2830"),
        ("description", "明光小区3栋楼下地锁占道\n消防通道被堵，车辆无法通行。"), ("first_name", "王"), ("last_name", "女士"),
        ("email", "wang@example.cn"), ("phone", "13800000000")
    ];

    private static string Query((string Name, string Value)[] query) =>
        query.Length == 0 ? "" : "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));
}

public sealed record Open311Reply(HttpStatusCode Status, string Text, string? ContentType, System.Text.Json.JsonElement Json)
{
    public XDocument Xml
    {
        get
        {
            try { return XDocument.Parse(Text); }
            catch (System.Xml.XmlException e) { throw new ShouldAssertException($"{(int)Status} {ContentType}: not XML: {Text}", e); }
        }
    }

    /// <summary>The spec's error list: each error's code and description.</summary>
    public IReadOnlyList<(int Code, string Description)> XmlErrors =>
        [.. Xml.Root!.Elements("error").Select(e => ((int)e.Element("code")!, e.Element("description")!.Value))];

    public Open311Reply ShouldBeError(HttpStatusCode status)
    {
        Status.ShouldBe(status, Text);
        ContentType.ShouldBe("text/xml; charset=utf-8");
        Xml.Root!.Name.LocalName.ShouldBe("errors");
        XmlErrors.ShouldNotBeEmpty();
        XmlErrors.ShouldAllBe(e => e.Code == (int)status && e.Description.Length > 0);
        return this;
    }
}

public static class StreetEvents
{
    public static async Task<IReadOnlyList<JasperFx.Events.IEvent>> AllEvents(this Street street)
    {
        await using var session = street.App.Store.QuerySession(street.Id);
        return await Marten.QueryableExtensions.ToListAsync(session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence));
    }
}
