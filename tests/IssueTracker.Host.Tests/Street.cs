using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;
using JasperFx.Events;

namespace IssueTracker.Host.Tests;

public sealed record Answer(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)
{
    public Guid Id => Body.GetProperty("id").GetGuid();
    public int Version => Body.GetProperty("version").GetInt32();
    public string? ProblemType => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("type", out var t) ? t.GetString() : null;
    public string Text(string property) => Body.GetProperty(property).ToString();
    public override string ToString() => $"{(int)Status} {Body}";

    public static async Task<Answer> Of(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart() is ['{' or '[', ..]
            ? JsonDocument.Parse(text).RootElement.Clone()
            : JsonSerializer.SerializeToElement(text);
        return new Answer(response.StatusCode, body, response);
    }
}

/// <summary>A street (tenant) of its own for one test, with clients signed in as each role.</summary>
public sealed class Street(AppFixture app, string id)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public const string PropertyCompany = "hongse-wuye";
    public const string OtherCompany = "anju-wuye";

    public string Id { get; } = id;
    public AppFixture App { get; } = app;

    public Client Host => As(Roles.Host, "host-li", "李主任");
    public Client Admin => As(Roles.Admin, "admin-1", "管理员");
    public Client Reporter => As(Roles.Reporter, "grid-12", "网格员小陈");
    public Client OtherReporter => As(Roles.Reporter, "grid-07", "网格员小王");
    public Client Assignee => As(Roles.Assignee, "wy-zhang", "物业小张", PropertyCompany);
    public Client OtherAssignee => As(Roles.Assignee, "wy-zhou", "安居物业小周", OtherCompany);
    public Client Auditor => As(Roles.Auditor, "audit-1", "审计员");
    public Client Anonymous => new(App, null);

    public Client As(string role, string sub, string name, string? org = null) =>
        new(App, DevTokens.Create(App.Auth, sub, name, role, Id, org, App.TokenLifetime), this);

    /// <summary>
    /// Whether posting an assignment (a host's or a meeting's) first lists its assignee in the street's directory, as
    /// a street's hosts would have; tests of the directory itself turn it off.
    /// </summary>
    public bool ListsAssignees { get; set; } = true;

    private readonly ConcurrentDictionary<string, Lazy<Task>> _listed = new();

    private static readonly Dictionary<string, string> KnownNames = new()
    {
        [PropertyCompany] = "红色物业", [OtherCompany] = "安居物业"
    };

    /// <summary>Lists an organisation in the street's directory once (an entry that exists already is fine).</summary>
    public Task List(string slug, string? name = null, string kind = "propertyCompany") =>
        _listed.GetOrAdd(slug, s => new Lazy<Task>(async () =>
        {
            var answer = await new Client(App, DevTokens.Create(App.Auth, "admin-1", "管理员", Roles.Admin, Id, null, App.TokenLifetime))
                .Post("/api/organisations", new { id = s, name = name ?? KnownNames.GetValueOrDefault(s, s), kind });
            if (answer.Status != HttpStatusCode.Conflict) answer.ShouldHaveStatus(HttpStatusCode.Created);
        })).Value;

    /// <summary>The assignee of an assignment, and the volunteer team a volunteer-service command names, listed first.</summary>
    internal async Task ListAssigneeOf(string url, HttpContent? content)
    {
        if (!ListsAssignees || content is null) return;
        var (field, kind) = url.EndsWith("/assign", StringComparison.Ordinal) || url.EndsWith("/decisions", StringComparison.Ordinal)
            ? ("assignee", "propertyCompany")
            : ("teamId", "volunteerTeam");
        var text = await content.ReadAsStringAsync();
        if (!text.TrimStart().StartsWith('{')) return;
        try
        {
            using var body = JsonDocument.Parse(text);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty(field, out var named)
                && named.ValueKind == JsonValueKind.String
                && named.GetString() is { } slug && Domain.Organisations.OrganisationIds.IsSlug(slug))
                await List(slug, kind: kind);
        }
        catch (JsonException)
        {
            // A malformed body is the test's point: send it as it is.
        }
    }

    public async Task<IReadOnlyList<IEvent>> EventsOf(Guid streamId)
    {
        await using var session = App.Store.LightweightSession(Id);
        return await session.Events.FetchStreamAsync(streamId);
    }

    public async Task<Guid> Raise(object? body = null) =>
        (await Reporter.Post("/api/issues", body ?? Bodies.ParkingLock())).ShouldHaveStatus(HttpStatusCode.Created).Id;

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(json);
        return json;
    }
}

public sealed class Client(AppFixture app, string? token, Street? street = null)
{
    public string? Token { get; } = token;

    public Task<Answer> Get(string url, params (string Name, string Value)[] headers) =>
        Send(HttpMethod.Get, url, null, headers);

    public Task<Answer> Post(string url, object? body, params (string Name, string Value)[] headers) =>
        Send(HttpMethod.Post, url, body is string raw ? new StringContent(raw, MediaTypeHeaderValue.Parse("application/json"))
            : JsonContent.Create(body, options: Street.Json), headers);

    public async Task<Answer> Send(HttpMethod method, string url, HttpContent? content,
        params (string Name, string Value)[] headers)
    {
        if (street is not null && method == HttpMethod.Post) await street.ListAssigneeOf(url, content);
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Answer.Of(await client.SendAsync(request));
    }
}

public static class AnswerAssertions
{
    public static Answer ShouldHaveStatus(this Answer answer, HttpStatusCode expected)
    {
        answer.Status.ShouldBe(expected, answer.ToString());
        return answer;
    }
}
