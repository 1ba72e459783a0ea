using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.OpenApi;

[Collection(AppCollection.Name)]
public class OpenApiConventionTests(AppFixture app)
{
    private static readonly string[] Tags = ["issues", "meetings", "boards", "organisations", "audit", "reports", "volunteers", "notifications"];

    private async Task<JsonElement> Document() =>
        (await app.NewStreet().Anonymous.Get("/openapi/v1.json")).ShouldHaveStatus(HttpStatusCode.OK).Body;

    private static IEnumerable<(string Path, string Verb, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Select(verb => (path.Name, verb.Name, verb.Value)));

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_one_tag_and_the_problems_it_can_answer()
    {
        var document = await Document();
        var operations = Operations(document).Where(o => o.Path.StartsWith("/api", StringComparison.Ordinal)).ToList();
        operations.Count.ShouldBeGreaterThan(20);
        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ShouldBeUnique();

        foreach (var (path, verb, operation) in operations)
        {
            var name = $"{verb} {path}";
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(name);
            var tag = operation.GetProperty("tags").EnumerateArray().ShouldHaveSingleItem().GetString();
            Tags.ShouldContain(tag, name);
            var responses = operation.GetProperty("responses");
            var expected = new List<string> { "401", "503" };
            if (path.Contains('{')) expected.Add("404");
            if (verb == "post") expected.AddRange(["400", "409", "413", "415", "422"]);
            if (verb == "post" && path.Contains('{')) expected.Add("412");
            foreach (var status in expected)
                responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
                    .GetProperty("$ref").GetString().ShouldEndWith("ProblemDetails", Case.Sensitive, $"{name} {status}");
        }
    }

    [Fact]
    public async Task Routes_decide_the_tag()
    {
        var operations = Operations(await Document()).ToDictionary(o => $"{o.Verb} {o.Path}", o => o.Operation.GetProperty("tags")[0].GetString());
        operations["get /api/issues/{issueId}/history"].ShouldBe("audit");
        operations["get /api/issues/{issueId}/state"].ShouldBe("audit");
        operations["get /api/issues/{issueId}/history/verify"].ShouldBe("audit");
        operations["get /api/issues/{issueId}"].ShouldBe("issues");
        operations["post /api/meetings"].ShouldBe("meetings");
    }

    [Fact]
    public async Task Every_command_body_has_a_realistic_example_and_the_bearer_scheme_is_required()
    {
        var document = await Document();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        document.GetProperty("security")[0].TryGetProperty("bearer", out _).ShouldBeTrue();

        foreach (var (path, verb, operation) in Operations(document).Where(o => o.Verb == "post" && o.Path.StartsWith("/api", StringComparison.Ordinal)))
        {
            // Photo uploads are multipart (AttachmentOpenApiTests); every other body is JSON.
            if (!operation.TryGetProperty("requestBody", out var body) || body.GetProperty("content").TryGetProperty("multipart/form-data", out _)) continue;
            body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _).ShouldBeTrue($"{verb} {path}");
        }
        Operations(document).Single(o => o.Operation.GetProperty("operationId").GetString() == "raiseIssue").Operation
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example")
            .GetProperty("title").GetString().ShouldBe("明光小区地锁占道");
    }

    [Fact]
    public async Task Enums_list_their_camelCase_string_values()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");
        var status = schemas.GetProperty("IssueStatus");
        status.GetProperty("type").GetString().ShouldBe("string");
        status.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldContain("inProgress");
        schemas.GetProperty("Satisfaction").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind)
            .ShouldAllBe(kind => kind == JsonValueKind.String);
    }
}
