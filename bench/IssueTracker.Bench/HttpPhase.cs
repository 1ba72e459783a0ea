using System.Text;
using System.Text.Json;

namespace IssueTracker.Bench;

/// <summary>The lifecycle mix through the real endpoints, with real tokens of each role.</summary>
public sealed class HttpPhase(IHttpTarget host, string street)
{
    private readonly HttpClient _reporter = host.Client(host.Token(street, "reporter", "刘网格员"));
    private readonly HttpClient _host = host.Client(host.Token(street, "host", "李主任"));
    private readonly HttpClient _assignee = host.Client(host.Token(street, "assignee", "物业小张", Lifecycle.Org));

    /// <summary>The last command answered 2xx: what the freshness probe waits to see on the board.</summary>
    public Completed? Latest;

    /// <summary>The first failed answer, to say what went wrong when a run fails.</summary>
    public string? FirstError;

    public sealed record Completed(Guid Issue, int Step, long AnsweredAt);

    private sealed class Worker(int id)
    {
        public int Step { get; set; }
        public int Count { get; set; } = id * 1_000_000;
        public Guid Issue { get; set; }
    }

    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration)
    {
        await ListOrganisationAsync();
        return await Load.RunAsync(concurrency, duration, i => new Worker(i), StepAsync);
    }

    /// <summary>Assignments go to listed organisations only: the street's directory gets the bench's one first.</summary>
    private async Task ListOrganisationAsync()
    {
        var body = JsonSerializer.Serialize(new { id = Lifecycle.Org, name = "红色物业", kind = "propertyCompany" }, Web);
        using var response = await _host.PostAsync("/api/organisations", Json(body));
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
            throw new InvalidOperationException($"Listing {Lifecycle.Org} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<int> StepAsync(Worker w)
    {
        var now = DateTimeOffset.UtcNow;
        HttpResponseMessage response;
        if (w.Step == 0)
        {
            var body = JsonSerializer.Serialize(Lifecycle.Raise(w.Count++), Web);
            response = await _reporter.PostAsync("/api/issues", Json(body));
            if (response.IsSuccessStatusCode)
                w.Issue = JsonDocument.Parse(await response.Content.ReadAsStreamAsync()).RootElement.GetProperty("id").GetGuid();
        }
        else
        {
            var (path, body) = Lifecycle.Request(w.Step, now);
            var client = w.Step switch { 1 => _host, 5 => _reporter, _ => _assignee };
            response = await client.PostAsync($"/api/issues/{w.Issue}/{path}", Json(body));
            await response.Content.LoadIntoBufferAsync();
        }
        var status = (int)response.StatusCode;
        if (status >= 400 && FirstError is null) FirstError = $"{status} {await response.Content.ReadAsStringAsync()}";
        response.Dispose();
        if (status is >= 200 and < 300)
        {
            Latest = new Completed(w.Issue, w.Step, System.Diagnostics.Stopwatch.GetTimestamp());
            w.Step = (w.Step + 1) % Lifecycle.Steps;
        }
        else w.Step = 0;
        return status;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) }
    };
}
