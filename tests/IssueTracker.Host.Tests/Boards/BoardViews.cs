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
        $"{item.GetProperty("title")} | {item.GetProperty("status")} | overdue {item.GetProperty("overdue")}";
}
