using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using IssueTracker.Host.Audit;

namespace IssueTracker.Host.Tests.Audit;

[Collection(AppCollection.Name)]
public class HistoryTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task The_history_lists_every_event_with_its_position_time_type_actor_data_and_hash()
    {
        var id = await _street.Raise();
        await _street.Host.Post($"/api/issues/{id}/assign", Bodies.Assign());
        await _street.Assignee.Post($"/api/issues/{id}/acknowledge", new { note = "收到" });

        var history = (await _street.Auditor.Get($"/api/issues/{id}/history")).ShouldHaveStatus(HttpStatusCode.OK).Body
            .EnumerateArray().ToList();

        history.Select(e => e.GetProperty("version").GetInt32()).ShouldBe([1, 2, 3]);
        history.Select(e => e.GetProperty("type").GetString()).ShouldBe(["issue_raised", "issue_assigned", "assignment_acknowledged"]);
        history.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBeInOrder(SortDirection.Ascending);
        history.Select(e => e.GetProperty("timestamp").GetDateTimeOffset()).ShouldBeInOrder(SortDirection.Ascending);
        history.Select(e => e.GetProperty("actor").GetProperty("name").GetString()).ShouldBe(["网格员小陈", "李主任", "物业小张"]);
        history[2].GetProperty("actor").GetProperty("org").GetString().ShouldBe(Street.PropertyCompany);
        history[2].GetProperty("actor").GetProperty("role").GetString().ShouldBe("assignee");
        history.ShouldAllBe(e => !string.IsNullOrEmpty(e.GetProperty("correlationId").GetString()));
        history.ShouldAllBe(e => e.GetProperty("hash").GetString()!.Length == 64);
        history[0].GetProperty("data").GetProperty("reporter").GetProperty("name").GetString().ShouldBe("王女士");
        history[2].GetProperty("data").GetProperty("note").GetString().ShouldBe("收到");
    }

    [Fact]
    public async Task An_outside_auditor_can_recompute_the_chain_from_the_json_download()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        var download = (await _street.Auditor.Get($"/api/issues/{id}/history?format=json")).ShouldHaveStatus(HttpStatusCode.OK);

        var disposition = download.Response.Content.Headers.ContentDisposition ?? throw new ShouldAssertException("no Content-Disposition");
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileName!.Trim('"').ShouldBe($"issue-{id}-history.json");
        var previous = HashChain.Genesis;
        foreach (var e in JsonNode.Parse(download.Body.GetRawText())!.AsArray())
        {
            var recomputed = HashChain.Compute(previous, id.ToString(), e!["version"]!.GetValue<long>(),
                e["type"]!.GetValue<string>(), e["data"], e["actor"]);
            recomputed.ShouldBe(e["hash"]!.GetValue<string>(), $"version {e["version"]}");
            previous = recomputed;
        }
    }

    [Fact]
    public async Task Accept_text_csv_asks_for_the_csv_as_format_csv_does_and_json_stays_the_default()
    {
        var (id, _) = await AuditScenario.LongLife(_street);
        var byFormat = await (await _street.Auditor.Get($"/api/issues/{id}/history?format=csv")).Response.Content.ReadAsByteArrayAsync();

        var byAccept = (await _street.Auditor.Get($"/api/issues/{id}/history", ("Accept", "text/csv"))).ShouldHaveStatus(HttpStatusCode.OK);
        byAccept.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await byAccept.Response.Content.ReadAsByteArrayAsync()).ShouldBe(byFormat);

        var preferred = await _street.Auditor.Get($"/api/issues/{id}/history", ("Accept", "application/json, text/csv;q=0.5"));
        preferred.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await _street.Auditor.Get($"/api/issues/{id}/history")).Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await _street.Auditor.Get($"/api/issues/{id}/history?format=json", ("Accept", "text/csv")))
            .Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_byte_order_mark_and_one_row_per_event_with_chinese_intact()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        var answer = (await _street.Auditor.Get($"/api/issues/{id}/history?format=csv")).ShouldHaveStatus(HttpStatusCode.OK);

        answer.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        answer.Response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"issue-{id}-history.csv");
        var bytes = await answer.Response.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(Encoding.UTF8.Preamble.ToArray());

        using var csv = CsvReader.Create(bytes);
        var rows = new List<(string Version, string Type, string ActorName, string Data)>();
        while (csv.Read())
            rows.Add((csv.GetString("version"), csv.GetString("type"), csv.GetString("actorName"), csv.GetString("data")));

        rows.Count.ShouldBe(13);
        rows.Select(r => r.Version).ShouldBe(Enumerable.Range(1, 13).Select(v => v.ToString()));
        rows[0].Type.ShouldBe("issue_raised");
        rows[0].ActorName.ShouldBe("网格员小陈");
        JsonNode.Parse(rows[0].Data)!["title"]!.GetValue<string>().ShouldBe("明光小区地锁占道");
        rows[9].Data.ShouldContain("与业委会协商");
        JsonNode.Parse(rows[9].Data)!["note"]!.GetValue<string>().ShouldBe("与业委会协商\n\"统一管理\"");
    }

    [Fact]
    public async Task Withdrawing_or_marking_a_duplicate_appends_an_event_and_keeps_the_whole_stream()
    {
        var original = await _street.Raise();
        var withdrawn = await _street.Raise(Bodies.LoosePoultry());
        var duplicate = await _street.Raise();
        (await _street.Reporter.Post($"/api/issues/{withdrawn}/withdraw", new { reason = "已自行解决" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Host.Post($"/api/issues/{duplicate}/duplicate", new { of = original })).ShouldHaveStatus(HttpStatusCode.OK);

        foreach (var (id, type) in new[] { (withdrawn, "issue_withdrawn"), (duplicate, "issue_marked_duplicate") })
        {
            var history = (await _street.Auditor.Get($"/api/issues/{id}/history")).ShouldHaveStatus(HttpStatusCode.OK).Body;
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldBe(["issue_raised", type]);
            (await _street.Auditor.Get($"/api/issues/{id}/history/verify")).Body.GetProperty("valid").GetBoolean().ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Only_auditors_hosts_and_admins_read_the_history_and_only_in_their_own_street()
    {
        var id = await _street.Raise();

        (await _street.Reporter.Get($"/api/issues/{id}/history")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Assignee.Get($"/api/issues/{id}/history")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Host.Get($"/api/issues/{id}/history")).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Admin.Get($"/api/issues/{id}/history?format=csv")).ShouldHaveStatus(HttpStatusCode.OK);
        (await _street.Auditor.Get($"/api/issues/{id}/history?format=xml")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await app.NewStreet().Auditor.Get($"/api/issues/{id}/history")).ShouldHaveStatus(HttpStatusCode.NotFound);
        (await _street.Auditor.Get($"/api/issues/{Guid.NewGuid()}/history")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }
}
