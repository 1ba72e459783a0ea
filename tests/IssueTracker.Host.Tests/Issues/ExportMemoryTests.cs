using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IssueTracker.Host.Tests.Reliability.Faults;
using MiniExcelLibs;
using Npgsql;
using Xunit.Abstractions;

namespace IssueTracker.Host.Tests.Issues;

/// <summary>The export measured on the host as a real process: 50,000 issues stream out, they are not built in memory.</summary>
[Collection(FaultCollection.Name)]
public class ExportMemoryTests(FaultCluster cluster, ITestOutputHelper output)
{
    private const int Issues = 50_000;

    [Fact]
    public async Task Exporting_50000_issues_as_xlsx_and_csv_grows_the_host_s_memory_by_less_than_100_MB()
    {
        using var client = new FaultClient();
        using var host = await HostProcess.Start(cluster.ConnectionString, client.Address, client.Http);
        await client.ListPropertyCompany();
        var issue = await Send<System.Text.Json.JsonElement>(client, HttpMethod.Post, "/api/issues", Bodies.ParkingLock());
        var id = issue.GetProperty("id").GetGuid();
        await Send<System.Text.Json.JsonElement>(client, HttpMethod.Post, $"/api/issues/{id}/assign", Bodies.Assign());
        await Copy(id, client.Street, Issues - 1);

        using var http = new HttpClient { BaseAddress = client.Address, Timeout = TimeSpan.FromMinutes(10) };
        // Warm-up: the endpoint's code generated, MiniExcel and CsvHelper loaded, with no rows to write.
        await Download(http, client, "format=xlsx&category=noise");
        await Download(http, client, "format=csv&category=noise");
        var before = Memory(host.ProcessId, "VmRSS");

        var xlsx = await Download(http, client, "format=xlsx");
        var peakAfterXlsx = Memory(host.ProcessId, "VmHWM");
        var csv = await Download(http, client, "format=csv");
        var peak = Memory(host.ProcessId, "VmHWM");
        try
        {
            output.WriteLine($"[ci] export: xlsx {new FileInfo(xlsx).Length / 1e6:0.0} MB, csv {new FileInfo(csv).Length / 1e6:0.0} MB of " +
                             $"{Issues} issues; host resident before {before / 1e6:0} MB, peak after the xlsx {peakAfterXlsx / 1e6:0} MB, " +
                             $"after the csv {peak / 1e6:0} MB");
            MiniExcel.Query(xlsx, useHeaderRow: true, excelType: ExcelType.XLSX).Count().ShouldBe(Issues);
            File.ReadLines(csv).Count().ShouldBe(Issues + 1);
            (peak - before).ShouldBeLessThan(100_000_000);
        }
        finally
        {
            File.Delete(xlsx);
            File.Delete(csv);
        }
    }

    /// <summary>Copies of one issue's details row with ids and titles of their own: the export reads only those rows.</summary>
    private async Task Copy(Guid id, string street, int copies)
    {
        await using var data = NpgsqlDataSource.Create(cluster.ConnectionString);
        await using var connection = await data.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("create temp table seed as select d.* from issuetracker.mt_doc_issuedetails d cross join generate_series(1, $3) " +
                    "where d.tenant_id = $1 and d.id = $2") { Parameters = { new() { Value = street }, new() { Value = id }, new() { Value = copies } } },
                new("update seed set id = gen_random_uuid()"),
                new("update seed set data = jsonb_set(jsonb_set(data, '{id}', to_jsonb(id::text)), '{title}', " +
                    "to_jsonb((data->>'title') || ' ' || left(id::text, 8)))"),
                new("insert into issuetracker.mt_doc_issuedetails select * from seed")
            }
        };
        await batch.ExecuteNonQueryAsync();
    }

    private static async Task<string> Download(HttpClient http, FaultClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/issues/export?{query}") { Headers = { Authorization = client.Host } };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var path = Path.GetTempFileName();
        await using (var file = File.Create(path)) await response.Content.CopyToAsync(file);
        return path;
    }

    private static async Task<T> Send<T>(FaultClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body), Headers = { Authorization = client.Host } };
        using var response = await client.Http.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static long Memory(int pid, string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
