using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Reliability.Faults;

/// <summary>
/// Takes many issues through raise → assign → acknowledge → progress → resolve → confirm with several concurrent
/// workers, every command with an Idempotency-Key. A command without an answer (connection refused or cut, timeout,
/// 503) is sent again with the same key and body until it gets one, as a well-behaved client would.
/// </summary>
public sealed class LifecycleBurst(FaultClient client, int issues, int workers = 8)
{
    public static readonly (string Step, string EventType)[] Steps =
    [
        ("raise", "issue_raised"), ("assign", "issue_assigned"), ("acknowledge", "assignment_acknowledged"),
        ("progress", "progress_reported"), ("resolve", "issue_resolved"), ("confirm", "resolution_confirmed")
    ];

    private int _answered;
    private int _unanswered;

    public int Commands => issues * Steps.Length;
    public int Answered => _answered;
    public int Unanswered => _unanswered;
    public ConcurrentDictionary<int, Guid> Ids { get; } = new();
    public ConcurrentBag<HttpResponseMessage> Unavailable { get; } = [];

    public async Task Run(TimeSpan limit)
    {
        await client.ListPropertyCompany();
        var next = -1;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var issue = Interlocked.Increment(ref next); issue < issues; issue = Interlocked.Increment(ref next))
                foreach (var (step, _) in Steps) await Send(issue, step, deadline, limit);
        })));
    }

    private async Task Send(int issue, string step, Stopwatch deadline, TimeSpan limit)
    {
        var key = $"{client.Street}-{issue}-{step}";
        while (true)
        {
            if (deadline.Elapsed > limit) throw new TimeoutException($"{key} got no answer within {limit}");
            using var request = Request(issue, step);
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                var response = await client.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    if (step == "raise") Ids[issue] = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
                    Interlocked.Increment(ref _answered);
                    return;
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) Unavailable.Add(response);
                else if (!IsRaceWithItself(response.StatusCode, body))
                    throw new ShouldAssertException($"{key}: {(int)response.StatusCode} {body}");
            }
            catch (HttpRequestException) { Interlocked.Increment(ref _unanswered); }
            catch (TaskCanceledException) { Interlocked.Increment(ref _unanswered); }
            await Task.Delay(100);
        }
    }

    /// <summary>A retry that met its own first attempt still being saved (or saved under it): asking again settles it.</summary>
    private static bool IsRaceWithItself(HttpStatusCode status, string body) =>
        status == HttpStatusCode.Conflict && (body.Contains("idempotency-key-in-use") || body.Contains("concurrent-write"));

    private HttpRequestMessage Request(int issue, string step)
    {
        var (path, who, body) = step switch
        {
            "raise" => ("/api/issues", client.Host, (object)new
            {
                title = $"明光小区地锁占道 #{issue}", category = "parking",
                location = new { community = "明光社区", compound = "明光小区", grid = 12 },
                reporter = new { name = "王女士", contact = "13800000000" }
            }),
            "assign" => (Path(issue, step), client.Host, new { assignee = Street.PropertyCompany, dueBy = "2030-01-01T00:00:00+08:00" }),
            "acknowledge" => (Path(issue, step), client.Assignee, new { note = "收到" }),
            "progress" => (Path(issue, step), client.Assignee, new { note = "已进场" }),
            "resolve" => (Path(issue, step), client.Assignee, new { resolution = "地锁已拆除" }),
            _ => (Path(issue, step), client.Host, (object)new { satisfaction = "satisfied", comment = "居民满意" })
        };
        return new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = who }
        };
    }

    private string Path(int issue, string step) => $"/api/issues/{Ids[issue]}/{step}";
}
