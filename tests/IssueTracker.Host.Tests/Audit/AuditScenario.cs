using System.Net;
using System.Text.Json;
using Npgsql;

namespace IssueTracker.Host.Tests.Audit;

/// <summary>An issue taken through a long life, and hands-on access to its rows for tampering.</summary>
public static class AuditScenario
{
    /// <summary>Raises the parking-lock issue and walks it through 13 events (an unsatisfied confirmation appends two); returns the details seen after each one.</summary>
    public static async Task<(Guid Id, IReadOnlyList<JsonElement> DetailsAfter)> LongLife(Street street)
    {
        var id = await street.Raise();
        var after = new List<JsonElement> { await Details(street, id) };
        var steps = new (Client By, string Command, object Body)[]
        {
            (street.Host, "assign", Bodies.Assign()),
            (street.Assignee, "acknowledge", new { note = "收到" }),
            (street.Assignee, "progress", new { note = "已联系车主" }),
            (street.Assignee, "progress", new { note = "已拆除两把地锁" }),
            (street.Assignee, "resolve", new { resolution = "地锁已全部拆除" }),
            (street.Reporter, "confirm", new { satisfaction = "unsatisfied", comment = "地锁又装回来了" }),
            (street.Assignee, "acknowledge", new { note = "再次处理" }),
            (street.Assignee, "progress", new { note = "与业委会协商\n\"统一管理\"" }),
            (street.Assignee, "resolve", new { resolution = "业委会统一管理车位" }),
            (street.Reporter, "confirm", new { satisfaction = "satisfied", comment = "居民满意" }),
            (street.Host, "close", new { reason = "已解决" }),
        };
        foreach (var (by, command, body) in steps)
        {
            (await by.Post($"/api/issues/{id}/{command}", body)).ShouldHaveStatus(HttpStatusCode.OK);
            after.Add(await Details(street, id));
        }
        return (id, after);
    }

    public static async Task<JsonElement> Details(Street street, Guid id) =>
        (await street.Host.Get($"/api/issues/{id}")).ShouldHaveStatus(HttpStatusCode.OK).Body;

    /// <summary>Runs SQL straight against the event table, as someone with database access could.</summary>
    public static async Task Sql(string sql, Guid streamId)
    {
        await using var connection = new NpgsqlConnection(AppFixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("mt_", "issuetracker.mt_"), connection)
        {
            Parameters = { new() { Value = streamId } }
        };
        (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
    }
}
