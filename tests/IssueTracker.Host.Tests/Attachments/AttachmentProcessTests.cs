using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using IssueTracker.Host.Tests.Reliability.Faults;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Attachments;

/// <summary>Uploads to the host as a real process: killed between storing the bytes and committing, and measured.</summary>
[Collection(FaultCollection.Name)]
public class AttachmentProcessTests(FaultCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task A_SIGKILL_between_the_bytes_and_the_commit_leaves_no_attachment_and_the_sweep_removes_the_orphans()
    {
        using var client = new FaultClient();
        var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http);
        try
        {
            var issue = await Raise(client);
            await using var data = NpgsqlDataSource.Create(cluster.ConnectionString);

            // Holding the stream's row makes the append wait, after the bytes are stored: the kill lands in between.
            await using var blocker = await data.OpenConnectionAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await Scalar(blocker, "select 1 from issuetracker.mt_streams where tenant_id = $1 and id = $2 for update", client.Street, issue);
            var upload = Upload(client, issue, Uploads.Photos(3));
            // Asked on a connection of its own: inside the blocker's transaction pg_stat_activity is a snapshot taken once.
            await Until(async () => await StoredFiles(data, client.Street) == 3
                                    && await Scalar(data, "select count(*) from pg_stat_activity where $1 = any(pg_blocking_pids(pid))",
                                        blocker.ProcessID) > 0);
            host.Kill();
            await transaction.RollbackAsync();
            (await upload).ShouldBeNull("the upload got no answer");
            host.Dispose();

            (await Scalar(data, "select count(*) from issuetracker.mt_events where tenant_id = $1 and type = 'photo_attached'", client.Street))
                .ShouldBe(0);
            (await StoredFiles(data, client.Street)).ShouldBe(3, "the orphaned bytes are still there before the sweep");

            host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http,
                new Dictionary<string, string> { ["Attachments__OrphanGrace"] = "00:00:00" });
            using var details = await Send(client, HttpMethod.Get, $"/api/issues/{issue}");
            (await details.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("attachments").GetArrayLength().ShouldBe(0);
            await Until(async () => await StoredFiles(data, client.Street) == 0);
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

    [Fact]
    public async Task Nine_photos_of_3_MB_at_once_grow_the_host_s_memory_by_less_than_100_MB()
    {
        var photo = TestImages.NoisyJpeg(3.0);
        photo.Length.ShouldBeInRange(2_700_000, 4_000_000, "photos of about 3 MB");
        using var client = new FaultClient();
        using var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http);
        var issue = await Raise(client);
        (await Upload(client, issue, Uploads.Photos(1), "other"))!.StatusCode.ShouldBe(HttpStatusCode.Created, "warm-up: code and libvips loaded");
        var before = Memory(host.ProcessId, "VmRSS");

        // 27 MB cleaned by libvips can outlast the fault client's 20 s on a loaded machine: this upload gets a patient client.
        using var patient = new HttpClient { BaseAddress = client.Address, Timeout = TimeSpan.FromMinutes(3) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/issues/{issue}/attachments")
        {
            Content = Uploads.Body("report", [.. Enumerable.Range(1, 9).Select(i => new Upload($"site-{i}.jpg", photo))])
        };
        request.Headers.Authorization = client.Host;
        using var answer = await patient.SendAsync(request);

        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        var peak = Memory(host.ProcessId, "VmHWM");
        output.WriteLine($"{9 * photo.Length / 1e6:0.0} MB uploaded; resident before {before / 1e6:0} MB, peak after {peak / 1e6:0} MB");
        (peak - before).ShouldBeLessThan(100_000_000);
    }

    private static async Task<Guid> Raise(FaultClient client)
    {
        using var raised = await Send(client, HttpMethod.Post, "/api/issues", JsonContent.Create(Bodies.LeakingBuilding()));
        raised.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await raised.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The answer, or null when the host died before giving one.</summary>
    private static async Task<HttpResponseMessage?> Upload(FaultClient client, Guid issue, Upload[] files, string step = "report")
    {
        try { return await Send(client, HttpMethod.Post, $"/api/issues/{issue}/attachments", Uploads.Body(step, files)); }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) { return null; }
    }

    private static Task<HttpResponseMessage> Send(FaultClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = client.Host;
        return client.Http.SendAsync(request);
    }

    private static long Memory(int pid, string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    private static async Task<long> StoredFiles(NpgsqlDataSource data, string street)
    {
        await using var connection = await data.OpenConnectionAsync();
        return await Scalar(connection, "select count(*) from issuetracker.attachment_files where tenant_id = $1", street);
    }

    private static async Task<long> Scalar(NpgsqlDataSource data, string sql, params object[] parameters)
    {
        await using var connection = await data.OpenConnectionAsync();
        return await Scalar(connection, sql, parameters);
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("The condition did not hold within 60 s.");
            await Task.Delay(20);
        }
    }
}
