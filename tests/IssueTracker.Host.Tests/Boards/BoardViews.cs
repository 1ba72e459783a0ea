using System.Net;
using System.Text.Json;
using Marten.Events;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>Reads the boards once the async daemon has caught up, as one line per row for exact comparison.</summary>
public static class BoardViews
{
    public static Task CaughtUp(this AppFixture app) => app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public static async Task<string[]> StatusBoard(this Street street, string groupBy)
    {
        var body = (await street.Reporter.Get($"/api/boards/status?groupBy={groupBy}")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        body.GetProperty("groupBy").GetString().ShouldBe(groupBy);
        return body.GetProperty("rows").EnumerateArray().Select(row =>
        {
            var counts = row.GetProperty("counts").EnumerateObject().OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => $"{c.Name}={c.Value.GetInt32()}");
            var median = row.GetProperty("medianDaysToResolve");
            return $"{row.GetProperty("key")}: {string.Join(" ", counts)} | overdue {row.GetProperty("overdue")} | " +
                   $"total {row.GetProperty("total")} | median {(median.ValueKind == JsonValueKind.Null ? "-" : median.GetDouble())}";
        }).ToArray();
    }

    public static async Task<string[]> Items(this Street street, string url, string property = "items")
    {
        var body = (await street.Reporter.Get(url)).ShouldHaveStatus(HttpStatusCode.OK).Body;
        return body.GetProperty(property).EnumerateArray().Select(Line).ToArray();
    }

    public static string Line(JsonElement item) =>
        $"{item.GetProperty("title")} | {item.GetProperty("status")} | overdue {item.GetProperty("overdue")}" +
        (item.GetProperty("escalated").GetBoolean() ? $" | 督办 {item.GetProperty("escalation")}" : "");

    /// <summary>The performance board as "org: open n overdue n | resolved n on time n rate r | ratings s/b/u" and "category: s/b/u".</summary>
    public static async Task<(string[] Organisations, string[] Categories)> Performance(this Street street)
    {
        var body = (await street.Reporter.Get("/api/boards/performance")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        static string Ratings(JsonElement x) =>
            $"{x.GetProperty("satisfied")}/{x.GetProperty("basicallySatisfied")}/{x.GetProperty("unsatisfied")}";
        return (
            body.GetProperty("organisations").EnumerateArray().Select(o =>
                $"{o.GetProperty("org")}: open {o.GetProperty("open")} overdue {o.GetProperty("overdue")} | " +
                $"resolved {o.GetProperty("resolved")} on time {o.GetProperty("resolvedOnTime")} rate {o.GetProperty("onTimeRate")} | " +
                $"ratings {Ratings(o.GetProperty("satisfaction"))}").ToArray(),
            body.GetProperty("categories").EnumerateArray().Select(c =>
                $"{c.GetProperty("category")}: {Ratings(c.GetProperty("satisfaction"))}").ToArray());
    }
}
