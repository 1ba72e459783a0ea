using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Notifications;
using IssueTracker.Host.Tests.Reliability.Faults;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Notifications;

/// <summary>
/// The host as a real process, SIGKILLed after two assignments committed and before their webhooks went out: one whose
/// delivery was recorded, one whose delivery the subscription was still trying to record.
/// </summary>
[Collection(FaultCollection.Name)]
public class CrashDeliveryTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_killed_after_the_commit_delivers_the_webhook_after_restart_once()
    {
        await using var receiver = await new Receiver().StartAsync();
        using var client = new FaultClient();
        var environment = new Dictionary<string, string> { ["Notifications__PollInterval"] = "00:00:00.100" };
        // The test holds the sender's lock, as another host sending would: the first life records deliveries, sends none.
        await using var sender = new NpgsqlConnection(cluster.ConnectionString);
        await sender.OpenAsync();
        await Lock(sender, "pg_advisory_lock");

        var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http, settings: environment);
        try
        {
            await client.ListPropertyCompany(new { webhookUrl = receiver.Url("ok", client.Street), webhookSecret = NotificationFixture.Secret });
            var recorded = await AssignedIssue(client);
            await Eventually.Holds(async () => (await Deliveries(client)).Any(d => IssueOf(d) == recorded), "the delivery recorded", 90);

            // Holding the deliveries' table stops the subscription from recording the next one (and its own progress).
            await using var recorder = new NpgsqlConnection(cluster.ConnectionString);
            await recorder.OpenAsync();
            await using var held = await recorder.BeginTransactionAsync();
            await Execute(recorder, $"lock table {CritterStackSetup.Schema}.mt_doc_delivery in exclusive mode");
            var committed = await AssignedIssue(client);
            await Eventually.Holds(async () => await BlockedBy(recorder.ProcessID) > 0, "the subscription waiting to record the delivery", 90);

            host.Kill();
            host.Dispose();
            await held.RollbackAsync();
            receiver.At("ok", client.Street).ShouldBeEmpty("the first life sent nothing");
            await Lock(sender, "pg_advisory_unlock");
            host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http, settings: environment);

            await Eventually.Holds(async () => (await Deliveries(client)) is { Count: 2 } all && all.All(d => Status(d) == "delivered"),
                "both deliveries sent after the restart", 90);
            var hooks = receiver.At("ok", client.Street);
            hooks.Count.ShouldBe(2, "one webhook per assignment, each sent once");
            foreach (var issue in new[] { recorded, committed })
                hooks.Count(h => h.Body.Contains(issue.ToString())).ShouldBe(1);
            (await Deliveries(client)).ShouldAllBe(d => d.GetProperty("attempts").GetInt32() == 1);
            hooks.Select(h => h.Headers["webhook-id"]).Distinct().Count().ShouldBe(2);
        }
        catch
        {
            output.WriteLine(host.Output);
            throw;
        }
        finally
        {
            host.Dispose();
        }
    }

    private async Task<long> BlockedBy(int pid)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var blocked = new NpgsqlCommand("select count(*) from pg_stat_activity where @pid = any(pg_blocking_pids(pid))", connection);
        blocked.Parameters.AddWithValue("pid", pid);
        return (long)(await blocked.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Lock(NpgsqlConnection connection, string function)
    {
        await using var command = new NpgsqlCommand($"select {function}(@key)", connection);
        command.Parameters.AddWithValue("key", DeliverySender.LockKey);
        await command.ExecuteScalarAsync();
    }

    private static async Task<Guid> AssignedIssue(FaultClient client)
    {
        var id = (await Send(client, HttpMethod.Post, "/api/issues", Bodies.ParkingLock())).GetProperty("id").GetGuid();
        await Send(client, HttpMethod.Post, $"/api/issues/{id}/assign", new { assignee = Street.PropertyCompany });
        return id;
    }

    private static async Task<IReadOnlyList<JsonElement>> Deliveries(FaultClient client) =>
        (await Send(client, HttpMethod.Get, "/api/deliveries")).GetProperty("items").EnumerateArray().ToList();

    private static Guid IssueOf(JsonElement delivery) => delivery.GetProperty("issueId").GetGuid();

    private static string? Status(JsonElement delivery) => delivery.GetProperty("status").GetString();

    private static async Task<JsonElement> Send(FaultClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Street.Json)
        };
        request.Headers.Authorization = client.Host;
        using var response = await client.Http.SendAsync(request);
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created], await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
