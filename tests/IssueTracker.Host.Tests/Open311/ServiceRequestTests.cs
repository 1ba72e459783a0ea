using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Open311;

[Collection(Open311Collection.Name)]
public class ServiceRequestTests(Open311Fixture app)
{
    private readonly FacadeClient _client = app.NewClient();

    [Fact]
    public async Task A_request_raises_an_issue_authored_by_the_client_and_answers_its_id_at_once()
    {
        var reply = await _client.Post("/requests.xml", _client.Request());
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        reply.ContentType.ShouldBe("text/xml; charset=utf-8");
        var request = reply.Xml.Root!.Element("request")!;
        reply.Xml.Root.Name.LocalName.ShouldBe("service_requests");
        request.Elements().Select(e => e.Name.LocalName).ShouldBe(["service_request_id", "service_notice", "account_id"]);
        var id = Guid.Parse(request.Element("service_request_id")!.Value);

        var details = (await _client.Street.Host.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        details.GetProperty("title").GetString().ShouldBe("明光小区3栋楼下地锁占道");
        details.GetProperty("description").GetString().ShouldBe("明光小区3栋楼下地锁占道\n消防通道被堵，车辆无法通行。");
        details.GetProperty("category").GetString().ShouldBe("parking");
        details.GetProperty("status").GetString().ShouldBe("raised");
        var location = details.GetProperty("location");
        location.GetProperty("community").GetString().ShouldBe("明光社区");
        location.GetProperty("lat").GetDouble().ShouldBe(31.8612);
        location.GetProperty("lng").GetDouble().ShouldBe(117.2830);
        details.GetProperty("reporter").GetProperty("name").GetString().ShouldBe("王 女士");
        details.GetProperty("reporter").GetProperty("contact").GetString().ShouldBe("wang@example.cn / 13800000000");

        var raised = (await _client.Street.EventsOf(id)).ShouldHaveSingleItem();
        raised.CorrelationId.ShouldNotBeNullOrEmpty();
        raised.Headers!["actor"].ToString()!.ShouldContain(_client.Name);
        var by = ((Domain.Issues.IssueRaised)raised.Data).By;
        by.Role.ShouldBe("reporter");
        by.Name.ShouldBe(_client.Name);

        var json = await _client.Post("/requests.json", _client.Request("noise"));
        json.Status.ShouldBe(HttpStatusCode.OK, json.Text);
        Guid.TryParse(json.Json[0].GetProperty("service_request_id").GetString(), out _).ShouldBeTrue();
        json.Json[0].GetProperty("account_id").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_request_reads_back_with_the_specs_fields_by_id_by_ids_and_in_a_date_window()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var parking = await _client.Raise("parking", ("media_url", "https://fixmystreet.example/photo/1.jpeg"));
        var noise = await _client.Raise("noise");
        await _client.Street.Host.Post($"/api/issues/{parking}/assign", Bodies.Assign(dueBy: new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        var one = await _client.Get($"/requests/{parking}.xml", ("jurisdiction_id", _client.Jurisdiction));
        one.Status.ShouldBe(HttpStatusCode.OK, one.Text);
        var request = one.Xml.Root!.Element("request")!;
        request.Elements().Select(e => e.Name.LocalName).ShouldBe([
            "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
            "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
            "lat", "long", "media_url"
        ]);
        request.Element("status")!.Value.ShouldBe("open");
        request.Element("service_code")!.Value.ShouldBe("parking");
        request.Element("agency_responsible")!.Value.ShouldBe("红色物业");
        request.Element("expected_datetime")!.Value.ShouldBe("2030-01-02T03:04:05+00:00");
        request.Element("requested_datetime")!.Value.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$");
        request.Element("lat")!.Value.ShouldBe("31.8612");
        request.Element("long")!.Value.ShouldBe("117.283");
        request.Element("media_url")!.Value.ShouldBe("https://fixmystreet.example/photo/1.jpeg");
        request.Element("address")!.Value.ShouldBe("明光社区");

        var byIds = await _client.Get("/requests.xml", ("jurisdiction_id", _client.Jurisdiction), ("service_request_id", $"{parking},{noise},nonsense"));
        byIds.Xml.Root!.Elements("request").Select(r => Guid.Parse(r.Element("service_request_id")!.Value)).ShouldBe([parking, noise], ignoreOrder: true);

        var window = await _client.Get("/requests.json", ("api_key", _client.Key),
            ("start_date", before.ToString("yyyy-MM-ddTHH:mm:sszzz")), ("end_date", DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ")));
        window.Status.ShouldBe(HttpStatusCode.OK, window.Text);
        window.Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()).ShouldBe([noise.ToString(), parking.ToString()]);
        window.Json[1].GetProperty("lat").GetDouble().ShouldBe(31.8612);

        var earlier = await _client.Get("/requests.xml", ("jurisdiction_id", _client.Jurisdiction),
            ("start_date", "2020-01-01T00:00:00+08:00"), ("end_date", "2020-12-31T00:00:00+08:00"));
        earlier.Xml.Root!.Elements().ShouldBeEmpty();

        var onlyNoise = await _client.Get("/requests.xml", ("jurisdiction_id", _client.Jurisdiction), ("service_code", "noise"), ("status", "open"));
        onlyNoise.Xml.Root!.Elements("request").ShouldHaveSingleItem().Element("service_code")!.Value.ShouldBe("noise");
        (await _client.Get("/requests.xml", ("jurisdiction_id", _client.Jurisdiction), ("status", "closed"))).Xml.Root!.Elements().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_address_names_the_community_or_the_clients_community_is_taken()
    {
        var fields = _client.Request().Where(f => f.Item1 is not ("lat" or "long" or "description")).ToArray();
        var named = await _client.Post("/requests.xml", [.. fields, ("address_string", "全椒路社区来安花园2栋")]);
        var id = Guid.Parse(named.Xml.Root!.Element("request")!.Element("service_request_id")!.Value);
        var location = (await _client.Street.Host.Get($"/api/issues/{id}")).Body.GetProperty("location");
        location.GetProperty("community").GetString().ShouldBe("全椒路社区");
        location.GetProperty("compound").GetString().ShouldBe("来安花园2栋");
        var request = (await _client.Get($"/requests/{id}.xml", ("api_key", _client.Key))).Xml.Root!.Element("request")!;
        request.Element("address")!.Value.ShouldBe("全椒路社区 来安花园2栋");
        request.Element("lat")!.Value.ShouldBeEmpty();
        (await _client.Street.Host.Get($"/api/issues/{id}")).Body.GetProperty("title").GetString().ShouldBe("停车");

        var unnamed = await _client.Post("/requests.xml", [.. fields, ("address_string", "芜湖路 12号")]);
        var other = Guid.Parse(unnamed.Xml.Root!.Element("request")!.Element("service_request_id")!.Value);
        location = (await _client.Street.Host.Get($"/api/issues/{other}")).Body.GetProperty("location");
        location.GetProperty("community").GetString().ShouldBe("明光社区");
        location.GetProperty("compound").GetString().ShouldBe("芜湖路 12号");
    }

    [Fact]
    public async Task Coordinates_of_a_private_category_are_as_private_as_the_reporters_contact()
    {
        var doorstep = await _client.Raise("repairs");
        var request = (await _client.Get($"/requests/{doorstep}.xml", ("api_key", _client.Key))).Xml.Root!.Element("request")!;
        request.Element("lat")!.Value.ShouldBeEmpty();
        request.Element("long")!.Value.ShouldBeEmpty();

        var asReporter = (await _client.Street.Reporter.Get($"/api/issues/{doorstep}")).Body.GetProperty("location");
        asReporter.GetProperty("lat").ValueKind.ShouldBe(JsonValueKind.Null);
        var listed = (await _client.Street.Reporter.Get("/api/issues")).Body.GetProperty("items")[0].GetProperty("location");
        listed.GetProperty("lng").ValueKind.ShouldBe(JsonValueKind.Null);
        var asHost = (await _client.Street.Host.Get($"/api/issues/{doorstep}")).Body.GetProperty("location");
        asHost.GetProperty("lat").GetDouble().ShouldBe(31.8612);
    }

    [Fact]
    public async Task Every_error_is_the_specs_error_list_with_its_status()
    {
        var fields = _client.Request();
        (await _client.Post("/requests.xml", [.. fields.Where(f => f.Item1 != "api_key")])).ShouldBeError(HttpStatusCode.Forbidden);
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "api_key" ? (f.Item1, "key-0-0123456789abcdeX") : f)]))
            .ShouldBeError(HttpStatusCode.Forbidden);
        var other = app.NewClient();
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "jurisdiction_id" ? (f.Item1, other.Jurisdiction) : f)]))
            .ShouldBeError(HttpStatusCode.Forbidden);
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "jurisdiction_id" ? (f.Item1, "no-such-street") : f)]))
            .ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Post("/requests.xml", [.. fields.Where(f => f.Item1 != "service_code")])).ShouldBeError(HttpStatusCode.BadRequest)
            .XmlErrors[0].Description.ShouldContain("service_code");
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "service_code" ? (f.Item1, "potholes") : f)]))
            .ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Post("/requests.xml", [.. fields.Where(f => f.Item1 is not ("lat" or "long"))])).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "lat" ? (f.Item1, "91") : f)])).ShouldBeError(HttpStatusCode.BadRequest)
            .XmlErrors[0].Description.ShouldStartWith("lat:");
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "long" ? (f.Item1, "east") : f)])).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/requests.xml", [.. fields, ("media_url", "ftp://example.cn/x")])).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Post("/requests.xml", [.. fields.Select(f => f.Item1 == "description" ? (f.Item1, "地锁\0") : f)]))
            .ShouldBeError(HttpStatusCode.BadRequest);
        var json = await _client.Send(HttpMethod.Post, "/requests.json", new StringContent("{\"service_code\":\"parking\"}", System.Text.Encoding.UTF8, "application/json"));
        json.Status.ShouldBe(HttpStatusCode.BadRequest);
        json.Json[0].GetProperty("code").GetInt32().ShouldBe(400);

        (await _client.Get("/requests.xml")).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Get("/requests.xml", ("api_key", "wrong"))).ShouldBeError(HttpStatusCode.Forbidden);
        (await _client.Get("/requests.xml", ("jurisdiction_id", _client.Jurisdiction), ("start_date", "yesterday"))).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Get("/requests.xml", ("jurisdiction_id", _client.Jurisdiction), ("status", "fixed"))).ShouldBeError(HttpStatusCode.BadRequest);
        (await _client.Get($"/requests/{Guid.NewGuid()}.xml", ("jurisdiction_id", _client.Jurisdiction))).ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Get("/requests/not-an-id.json", ("jurisdiction_id", _client.Jurisdiction))).Status.ShouldBe(HttpStatusCode.NotFound);

        (await _client.Street.AllEvents()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_streets_request_is_not_found_and_not_listed()
    {
        var other = app.NewClient();
        var theirs = await other.Raise();

        (await _client.Get($"/requests/{theirs}.xml", ("api_key", _client.Key))).ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Get($"/tokens/{theirs}.xml", ("api_key", _client.Key))).ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Get("/requests.xml", ("api_key", _client.Key), ("service_request_id", theirs.ToString()))).Xml.Root!.Elements().ShouldBeEmpty();
        (await _client.Post("/servicerequestupdates.xml", ("api_key", _client.Key), ("service_request_id", theirs.ToString()),
            ("status", "REOPEN"), ("description", "还是有地锁"))).ShouldBeError(HttpStatusCode.NotFound);

        var token = await other.Get($"/tokens/{theirs}.xml", ("jurisdiction_id", other.Jurisdiction));
        token.Xml.Root!.Element("request")!.Element("service_request_id")!.Value.ShouldBe(theirs.ToString());
        token.Xml.Root.Element("request")!.Element("token")!.Value.ShouldBe(theirs.ToString());
    }

    [Fact]
    public async Task A_request_sent_again_with_its_idempotency_key_answers_the_first_id_and_raises_nothing()
    {
        HttpContent Form(string description) => new FormUrlEncodedContent(
            _client.Request().Select(f => KeyValuePair.Create(f.Item1, f.Item1 == "description" ? description : f.Item2)))
        {
            Headers = { { "Idempotency-Key", "fms-report-42" } }
        };
        var first = await _client.Send(HttpMethod.Post, "/requests.xml", Form("地锁占道"));
        first.Status.ShouldBe(HttpStatusCode.OK, first.Text);
        var id = first.Xml.Root!.Element("request")!.Element("service_request_id")!.Value;
        var again = await _client.Send(HttpMethod.Post, "/requests.json", Form("地锁占道"));
        again.Status.ShouldBe(HttpStatusCode.OK, again.Text);
        again.Json[0].GetProperty("service_request_id").GetString().ShouldBe(id);
        (await _client.Send(HttpMethod.Post, "/requests.xml", Form("另一件事"))).ShouldBeError(HttpStatusCode.BadRequest)
            .XmlErrors[0].Description.ShouldContain("Idempotency-Key");

        (await _client.Street.AllEvents()).Count(e => e.Data is Domain.Issues.IssueRaised).ShouldBe(1);
        // Without a key (the spec has none) each call is a new request.
        await _client.Raise();
        (await _client.Street.AllEvents()).Count(e => e.Data is Domain.Issues.IssueRaised).ShouldBe(2);
    }
}
