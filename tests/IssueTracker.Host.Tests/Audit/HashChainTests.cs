using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Audit;

namespace IssueTracker.Host.Tests.Audit;

public class HashChainTests
{
    [Fact]
    public void The_canonical_form_ignores_key_order_whitespace_and_escaping_as_jsonb_changes_them()
    {
        var written = JsonNode.Parse("""{"title":"\u660e\u5149\u5c0f\u533a","grid":12,"at":"2026-03-01T08:00:00+08:00","by":{"role":"host","id":"h"}}""");
        var stored = JsonNode.Parse("""{"at": "2026-03-01T08:00:00+08:00", "by": {"id": "h", "role": "host"}, "grid": 12.0, "title": "明光小区"}""");

        HashChain.Canonical(stored).ShouldBe(HashChain.Canonical(written));
        HashChain.Canonical(written).ShouldBe("""{"at":"2026-03-01T08:00:00+08:00","by":{"id":"h","role":"host"},"grid":12,"title":"明光小区"}""");
    }

    [Fact]
    public void The_hash_is_sha256_of_the_seven_documented_lines()
    {
        var data = JsonNode.Parse("""{"note":"收到\n\"好\"","at":"2026-03-01T08:00:00+08:00"}""");
        var actor = JsonNode.Parse("""{"role":"assignee","org":"hongse-wuye","name":"物业小张","id":"wy-zhang"}""");
        var streamId = Guid.Parse("01a21e69-493f-7f10-a5d0-904af120a5af");

        var lines = HashChain.Genesis + "\n01a21e69-493f-7f10-a5d0-904af120a5af\n1\nassignment_acknowledged\n" +
                    """{"at":"2026-03-01T08:00:00+08:00","note":"收到\n\"好\""}""" + "\n" +
                    """{"id":"wy-zhang","name":"物业小张","org":"hongse-wuye","role":"assignee"}""" + "\n" +
                    "2026-03-01T08:00:00+08:00";
        HashChain.Compute(HashChain.Genesis, streamId.ToString(), 1, "assignment_acknowledged", data, actor)
            .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))));
    }

    [Fact]
    public void Every_part_of_the_link_changes_the_hash()
    {
        var data = JsonNode.Parse("""{"note":"a","at":"2026-03-01T08:00:00Z"}""");
        var actor = JsonNode.Parse("""{"id":"x"}""");
        var baseline = HashChain.Compute(HashChain.Genesis, "s", 2, "t", data, actor);

        new[]
        {
            HashChain.Compute(new string('1', 64), "s", 2, "t", data, actor),
            HashChain.Compute(HashChain.Genesis, "s2", 2, "t", data, actor),
            HashChain.Compute(HashChain.Genesis, "s", 3, "t", data, actor),
            HashChain.Compute(HashChain.Genesis, "s", 2, "t2", data, actor),
            HashChain.Compute(HashChain.Genesis, "s", 2, "t", JsonNode.Parse("""{"note":"b","at":"2026-03-01T08:00:00Z"}"""), actor),
            HashChain.Compute(HashChain.Genesis, "s", 2, "t", data, JsonNode.Parse("""{"id":"y"}""")),
            HashChain.Compute(HashChain.Genesis, "s", 2, "t", data, null),
        }.ShouldAllBe(hash => hash != baseline);
    }
}

[Collection(AppCollection.Name)]
public class ChainOnEveryStreamTests(AppFixture app)
{
    [Fact]
    public async Task Streams_written_outside_the_issue_endpoints_are_chained_too_even_by_blind_appends()
    {
        var street = app.NewStreet();
        var id = Guid.CreateVersion7();
        var by = new Actor("host-li", "李主任", Roles.Host, null);
        await using (var session = app.Store.LightweightSession(street.Id))
        {
            session.Events.StartStream(id, new IssueRaised("来安花园交房后质量问题", "", IssueCategory.Repairs,
                new Location("全椒路社区", "来安花园", null, 5), null, Urgency.Normal, [], by, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        for (var i = 0; i < 2; i++)
        {
            await using var session = app.Store.LightweightSession(street.Id);
            session.Events.Append(id, new ProgressReported($"第{i + 1}次回访", by, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var summary = await StoreVerification.RunAsync(app.Store, street.Id, TextWriter.Null, CancellationToken.None);

        summary.AllValid.ShouldBeTrue(string.Join("; ", summary.Broken.Select(b => b.Report.Reason)));
        summary.Events.ShouldBe(3);
    }
}
