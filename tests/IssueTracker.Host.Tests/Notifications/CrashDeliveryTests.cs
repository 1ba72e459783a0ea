using System.Net;
using System.Net.Http.Json;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Tests.Reliability.Faults;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Notifications;

/// <summary>The host as a real process, SIGKILLed after an assignment committed and before its webhook went out.</summary>
[Collection(FaultCollection.Name)]
public class CrashDeliveryTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact(Skip = "Open: the delivery is recorded before the kill, but the restarted process does not send it within 30 s (not yet diagnosed).")]
    public async Task A_host_killed_after_the_commit_delivers_the_webhook_after_restart_once()
    {
        await using var receiver = await new Receiver().StartAsync();
        using var client = new FaultClient();
        var channels = $"Notifications__Streets__{client.Street}__Organisations__{Street.PropertyCompany}__";
        var environment = new Dictionary<string, string>
        {
            [channels + "WebhookUrl"] = receiver.Url("ok", client.Street),
            [channels + "WebhookSecret"] = NotificationFixture.Secret,
            // The first life's sender polls once, at start: the delivery waits for the kill.
            ["Notifications__PollInterval"] = "01:00:00"
        };
        var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http, settings: environment);
        try
        {
            var id = (await Send(client, "/api/issues", Bodies.ParkingLock())).GetProperty("id").GetGuid();
            await Send(client, $"/api/issues/{id}/assign", new { assignee = Street.PropertyCompany });
            await Eventually.Holds(async () => await Deliveries(client.Street, null) == 1, "the delivery recorded");
            receiver.At("ok", client.Street).ShouldBeEmpty();

            host.Kill();
            host.Dispose();
            environment["Notifications__PollInterval"] = "00:00:00.100";
            host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http, settings: environment);

            await Eventually.Holds(async () => await Deliveries(client.Street, "delivered") == 1, "the delivery sent after restart");
            receiver.At("ok", client.Street).ShouldHaveSingleItem().Body.ShouldContain(id.ToString());
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

    private static async Task<System.Text.Json.JsonElement> Send(FaultClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Street.Json) };
        request.Headers.Authorization = client.Host;
        using var response = await client.Http.SendAsync(request);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    private async Task<long> Deliveries(string street, string? status)
    {
        await using var db = new NpgsqlConnection(cluster.ConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select count(*) from {StoreSetup.Schema}.mt_doc_delivery where tenant_id = @street and (@status::text is null or data->>'status' = @status)", db);
        count.Parameters.AddWithValue("street", street);
        count.Parameters.AddWithValue("status", (object?)status ?? DBNull.Value);
        try { return (long)(await count.ExecuteScalarAsync())!; }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return 0; }
    }
}
