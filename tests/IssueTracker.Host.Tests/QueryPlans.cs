using Npgsql;

namespace IssueTracker.Host.Tests;

/// <summary>PostgreSQL's plan for a statement (<c>explain</c>), line by line, for tests of which index a query reads.</summary>
public static class QueryPlans
{
    public static async Task<List<string>> Of(NpgsqlConnection connection, string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        await using var explain = new NpgsqlCommand("explain " + sql, connection);
        foreach (var parameter in parameters) explain.Parameters.Add(parameter);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        return plan;
    }
}
