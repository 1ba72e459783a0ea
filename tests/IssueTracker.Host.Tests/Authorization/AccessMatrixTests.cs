using System.Net;
using static System.Net.HttpStatusCode;

namespace IssueTracker.Host.Tests.Authorization;

/// <summary>
/// Every endpoint × every role, each on a fresh issue in the state the command needs, so the only reason for a
/// refusal is who is asking. Every refused write must leave the stream as it was.
/// </summary>
[Collection(AppCollection.Name)]
public class AccessMatrixTests(AppFixture app)
{
    public static readonly string[] Roles = ["host", "reporter", "assignee", "otherAssignee", "auditor", "admin", "anonymous"];

    private sealed record Endpoint(
        Func<Street, Task<Guid>> Arrange, Func<Street, Client, Guid, Task<Answer>> Act, bool Writes, params HttpStatusCode[] Expected);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["POST /api/issues"] = new(_ => Task.FromResult(Guid.Empty), (_, c, _) => c.Post("/api/issues", Bodies.ParkingLock()), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Created, Unauthorized),
        ["GET /api/issues/{id}"] = new(Raised, (_, c, id) => c.Get($"/api/issues/{id}"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/issues"] = new(Raised, (_, c, _) => c.Get("/api/issues"), false,
            OK, OK, OK, OK, OK, OK, Unauthorized),
        ["assign"] = new(Raised, Command("assign", Bodies.Assign()), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["acknowledge"] = new(Assigned, Command("acknowledge", new { note = "收到" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["decline"] = new(Assigned, Command("decline", new { reason = "不归本物业" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["progress"] = new(Acknowledged, Command("progress", new { note = "施工中" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["resolve"] = new(Acknowledged, Command("resolve", new { resolution = "已修复" }), true,
            Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["confirm"] = new(Resolved, Command("confirm", new { satisfaction = "satisfied" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["reopen"] = new(Resolved, Command("reopen", new { reason = "又坏了" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["close"] = new(Raised, Command("close", new { reason = "已协调解决" }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["withdraw"] = new(Raised, Command("withdraw", new { reason = "误报" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
        ["duplicate"] = new(Raised, async (s, c, id) => await c.Post($"/api/issues/{id}/duplicate", new { of = await s.Raise() }), true,
            OK, Forbidden, Forbidden, Forbidden, Forbidden, OK, Unauthorized),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints.Keys)
        foreach (var role in Roles)
            data.Add(endpoint, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_what_the_contract_allows(string endpoint, string role)
    {
        var street = app.NewStreet();
        var definition = Endpoints[endpoint];
        var id = await definition.Arrange(street);
        var before = id == Guid.Empty ? 0 : (await street.EventsOf(id)).Count;
        var expected = definition.Expected[Array.IndexOf(Roles, role)];

        var answer = await definition.Act(street, ClientFor(street, role), id);

        answer.ShouldHaveStatus(expected);
        if (definition.Writes && expected is not OK)
            (await street.EventsOf(id)).Count.ShouldBe(before, "a refused command must append nothing");
        if (expected is Forbidden or Unauthorized)
            answer.Response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    private static Client ClientFor(Street street, string role) => role switch
    {
        "host" => street.Host,
        "reporter" => street.Reporter,
        "assignee" => street.Assignee,
        "otherAssignee" => street.OtherAssignee,
        "auditor" => street.Auditor,
        "admin" => street.Admin,
        _ => street.Anonymous
    };

    private static Func<Street, Client, Guid, Task<Answer>> Command(string command, object body) =>
        (_, client, id) => client.Post($"/api/issues/{id}/{command}", body);

    private static Task<Guid> Raised(Street street) => street.Raise();

    private static async Task<Guid> Assigned(Street street)
    {
        var id = await street.Raise();
        (await street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign())).ShouldHaveStatus(OK);
        return id;
    }

    private static async Task<Guid> Acknowledged(Street street)
    {
        var id = await Assigned(street);
        (await street.Assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(OK);
        return id;
    }

    private static async Task<Guid> Resolved(Street street)
    {
        var id = await Acknowledged(street);
        (await street.Assignee.Post($"/api/issues/{id}/resolve", new { resolution = "已修复" })).ShouldHaveStatus(OK);
        return id;
    }
}
