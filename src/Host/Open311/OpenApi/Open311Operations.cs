using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IssueTracker.Host.Open311.OpenApi;

/// <summary>
/// Describes the facade in its own wire format: form-encoded fields in, GeoReport v2 XML or JSON out, errors as the
/// spec's error list with 400, 403, 404 — not the /api conventions (problem details, bearer tokens, Idempotency-Key).
/// </summary>
internal sealed class Open311Operations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Summary, string Answer, string[] Fields, string[] Required)> Known = new()
    {
        ["getDiscovery"] = ("Open311 service discovery", "discovery", [], []),
        ["getServiceList"] = ("Open311 services: one per issue category", "services", ["jurisdiction_id"], []),
        ["getServiceDefinition"] = ("Open311 service definition (no category defines attributes yet)", "service_definition", ["jurisdiction_id"], []),
        ["postServiceRequest"] = ("Open311: raise an issue (answers its service_request_id at once)", "service_requests",
            ["api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "description", "media_url", "email",
                "first_name", "last_name", "phone", "attribute[…]"], ["api_key", "service_code"]),
        ["getServiceRequests"] = ("Open311: service requests by ids, or by service_code, status and date window", "service_requests",
            ["api_key", "jurisdiction_id", "service_request_id", "service_code", "start_date", "end_date", "status"], []),
        ["getServiceRequest"] = ("Open311: one service request", "service_requests", ["api_key", "jurisdiction_id"], []),
        ["getToken"] = ("Open311: the service request behind a token (a token is the request's id)", "service_requests", ["api_key", "jurisdiction_id"], []),
        ["getServiceRequestUpdates"] = ("Open311 (mySociety extension): lifecycle updates in a date window, oldest first", "service_requests_updates",
            ["api_key", "jurisdiction_id", "start_date", "end_date"], []),
        ["postServiceRequestUpdate"] = ("Open311 (mySociety extension): a citizen's update — REOPEN reopens a resolved issue", "service_request_updates",
            ["api_key", "jurisdiction_id", "service_request_id", "status", "description", "updated_datetime", "update_id", "first_name",
                "last_name", "email", "phone", "media_url"], ["api_key", "service_request_id", "status"])
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var route = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        if (!route.StartsWith(Open311Setup.Root, StringComparison.Ordinal) || operation.OperationId is not { } id
            || !Known.TryGetValue(id, out var known)) return Task.CompletedTask;
        var document = context.Document!;

        operation.Summary = known.Summary;
        operation.Description = "GeoReport v2 (http://wiki.open311.org/GeoReport_v2). `{format}` is `xml` (UTF-8, the spec's " +
                                "element names) or `json` (its twin). Writes need the client's `api_key` (Open311:Clients); reads " +
                                "take the `api_key` or a `jurisdiction_id` (the street).";
        operation.Tags = new HashSet<OpenApiTagReference> { new(Open311Document.Tag.Name!, document) };
        operation.Security = [];
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name != "format") continue;
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("xml")!, JsonValue.Create("json")!] };
            parameter.Description = "xml or json";
        }

        var isPost = HttpMethods.IsPost(context.Description.HttpMethod ?? "GET");
        if (isPost)
        {
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = known.Fields.ToDictionary(f => f, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String }),
                Required = new HashSet<string>(known.Required)
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/x-www-form-urlencoded"] = new() { Schema = form, Example = Example(id) },
                    ["multipart/form-data"] = new() { Schema = form }
                }
            };
        }
        else
        {
            operation.Parameters ??= [];
            foreach (var field in known.Fields)
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = field, In = ParameterLocation.Query, Required = false, Schema = new OpenApiSchema { Type = JsonSchemaType.String }
                });
        }

        operation.Responses = new OpenApiResponses { ["200"] = Answer($"`<{known.Answer}>` (XML) or its JSON twin.", document) };
        operation.Responses["400"] = Errors("A field is missing or invalid (also an unknown status, a bad date-time).", document);
        operation.Responses["403"] = Errors("The api_key is missing, wrong, or not valid for the jurisdiction_id.", document);
        operation.Responses["404"] = Errors("Unknown format, jurisdiction_id, service_code or service request (another street's too).", document);
        if (isPost) operation.Responses["413"] = Errors("The body is larger than 64 KiB.", document);
        return Task.CompletedTask;
    }

    private static JsonObject Example(string operationId) => operationId == "postServiceRequest"
        ? new JsonObject
        {
            ["api_key"] = "…", ["jurisdiction_id"] = "mingguanglu", ["service_code"] = "parking", ["lat"] = "31.8612",
            ["long"] = "117.2830", ["description"] = "明光小区3栋楼下地锁占道\n消防通道被堵。", ["first_name"] = "王", ["last_name"] = "女士",
            ["email"] = "wang@example.cn"
        }
        : new JsonObject
        {
            ["api_key"] = "…", ["jurisdiction_id"] = "mingguanglu", ["service_request_id"] = "0193a0c4-5f2e-7b1a-9c3d-2e4f6a8b0c1d",
            ["status"] = "REOPEN", ["description"] = "地锁又装回来了", ["updated_datetime"] = "2026-12-01T09:30:00+08:00", ["update_id"] = "4711"
        };

    private static OpenApiResponse Answer(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(Open311Document.Answer, document) }
        }
    };

    private static OpenApiResponse Errors(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "<errors><error><code/><description/></error></errors>" } },
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(Open311Document.Errors, document) }
        }
    };
}
