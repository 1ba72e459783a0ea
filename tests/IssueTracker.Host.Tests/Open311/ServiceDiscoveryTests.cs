using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Open311;

[Collection(Open311Collection.Name)]
public class ServiceDiscoveryTests(Open311Fixture app)
{
    private readonly FacadeClient _client = app.NewClient();

    [Fact]
    public async Task Services_list_one_realtime_service_per_category_in_the_specs_elements_and_as_json()
    {
        var xml = await _client.Get("/services.xml", ("jurisdiction_id", _client.Jurisdiction));
        xml.Status.ShouldBe(HttpStatusCode.OK, xml.Text);
        xml.ContentType.ShouldBe("text/xml; charset=utf-8");
        xml.Text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><service_code>parking</service_code>");
        var services = xml.Xml.Root!.Elements("service").ToList();
        services.Count.ShouldBe(9);
        var parking = services[0];
        parking.Elements().Select(e => e.Name.LocalName)
            .ShouldBe(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]);
        parking.Element("service_name")!.Value.ShouldBe("停车");
        parking.Element("metadata")!.Value.ShouldBe("false");
        parking.Element("type")!.Value.ShouldBe("realtime");
        services.Select(s => s.Element("service_code")!.Value).ShouldContain("repairs");

        var json = await _client.Get("/services.json");
        json.Status.ShouldBe(HttpStatusCode.OK);
        json.ContentType.ShouldBe("application/json; charset=utf-8");
        json.Json.ValueKind.ShouldBe(JsonValueKind.Array);
        json.Json.GetArrayLength().ShouldBe(9);
        json.Json[0].GetProperty("service_code").GetString().ShouldBe("parking");
        json.Json[0].GetProperty("metadata").GetBoolean().ShouldBeFalse();
        json.Json[0].GetProperty("group").GetString().ShouldBe("道路交通");
    }

    [Fact]
    public async Task A_service_definition_names_its_code_and_lists_no_attributes()
    {
        var xml = await _client.Get("/services/noise.xml");
        xml.Status.ShouldBe(HttpStatusCode.OK, xml.Text);
        xml.Xml.Root!.Name.LocalName.ShouldBe("service_definition");
        xml.Xml.Root.Element("service_code")!.Value.ShouldBe("noise");
        xml.Xml.Root.Element("attributes")!.Elements().ShouldBeEmpty();

        var json = await _client.Get("/services/noise.json");
        json.Json.GetProperty("service_code").GetString().ShouldBe("noise");
        json.Json.GetProperty("attributes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Discovery_lists_this_endpoint_and_both_formats()
    {
        var xml = await _client.Get("/discovery.xml");
        xml.Status.ShouldBe(HttpStatusCode.OK, xml.Text);
        var endpoint = xml.Xml.Root!.Element("endpoints")!.Element("endpoint")!;
        endpoint.Element("specification")!.Value.ShouldBe("http://wiki.open311.org/GeoReport_v2");
        endpoint.Element("url")!.Value.ShouldEndWith("/open311/v2");
        endpoint.Element("formats")!.Elements("format").Select(f => f.Value).ShouldBe(["text/xml", "application/json"]);
        xml.Xml.Root.Element("changeset")!.Value.ShouldBe("2026-12-01T00:00:00+00:00");

        var json = await _client.Get("/discovery.json");
        json.Json.GetProperty("endpoints")[0].GetProperty("formats")[1].GetString().ShouldBe("application/json");
    }

    [Fact]
    public async Task Unknown_services_jurisdictions_and_formats_are_404_in_the_specs_error_format()
    {
        (await _client.Get("/services/potholes.xml")).ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Get("/services.xml", ("jurisdiction_id", "no-such-street"))).ShouldBeError(HttpStatusCode.NotFound);
        (await _client.Get("/services.html")).ShouldBeError(HttpStatusCode.NotFound);

        var json = await _client.Get("/services/potholes.json");
        json.Status.ShouldBe(HttpStatusCode.NotFound);
        json.Json[0].GetProperty("code").GetInt32().ShouldBe(404);
        json.Json[0].GetProperty("description").GetString()!.ShouldContain("potholes");
    }
}
