using System.Text.Json.Nodes;
using IssueTracker.Host.Audit;

namespace IssueTracker.Host.Tests.Audit;

/// <summary>
/// Fixed vectors for the published canonical form and chain (HashChain's summary): an outside auditor's
/// implementation must produce exactly these, so a change here is a breaking change to every stored chain.
/// No database: the expected hashes were computed from the documented seven lines by an independent SHA-256.
/// </summary>
public class CanonicalFormTests
{
    [Theory]
    [InlineData("""{ "b": 1, "a": [true, false, null], "A": { "z": "", "y": {} } }""",
        """{"A":{"y":{},"z":""},"a":[true,false,null],"b":1}""")]
    [InlineData("""{"é":1,"a":2,"Z":3,"～":4,"😀":5}""", """{"Z":3,"a":2,"é":1,"😀":5,"～":4}""")]
    [InlineData("""[1.50, 1e3, 12.0, -7, 0.000001, 1E-7, 2.5e+2, 0]""", """[1.5,1000,12,-7,0.000001,0.0000001,250,0]""")]
    [InlineData("""["tab\there", "\"q\" back\\slash / \/", "\u0001\u001f\u007f", "\u2028\u660e\ud83d\ude00"]""",
        "[\"tab\\there\",\"\\\"q\\\" back\\\\slash / /\",\"\\u0001\\u001f\u007f\",\"\u2028明😀\"]")]
    [InlineData("""["\b\f\n\r\t", "\u0000"]""", """["\b\f\n\r\t","\u0000"]""")]
    public void Canonical_json_is_exactly_the_published_form(string written, string canonical) =>
        HashChain.Canonical(JsonNode.Parse(written)).ShouldBe(canonical);

    [Fact]
    public void A_chain_of_three_links_hashes_to_the_published_vectors()
    {
        const string stream = "01a21e69-493f-7f10-a5d0-904af120a5af";
        var raised = JsonNode.Parse("""
            {"title":"明光小区地锁占道","grid":12.0,"by":{"role":"reporter","org":null,"name":"王网格员","id":"wg-wang"},
             "at":"2026-03-01T08:00:00+08:00"}
            """);
        var reporter = JsonNode.Parse("""{"role":"reporter","org":null,"name":"王网格员","id":"wg-wang"}""");
        var acknowledged = JsonNode.Parse("""{"note":"收到\n\"好\"","at":"2026-03-02T09:30:00+08:00"}""");
        var assignee = JsonNode.Parse("""{"role":"assignee","org":"hongse-wuye","name":"物业小张","id":"wy-zhang"}""");

        var first = HashChain.Compute(HashChain.Genesis, stream, 1, "issue_raised", raised, reporter);
        var second = HashChain.Compute(first, stream, 2, "assignment_acknowledged", acknowledged, assignee);
        var third = HashChain.Compute(second, stream, 3, "tombstone_like", JsonNode.Parse("{}"), null);

        first.ShouldBe("e203aacdf34d3fc9cb59728337d811eb10c375bfa188877b01b019b20fd39d64");
        second.ShouldBe("4837990f41aef8192f15c9db20d16d8ac4edd002e07f255f8caa17ed7004b425");
        third.ShouldBe("80e798a1f90b1731c3545e6d1f170bae6cad472de1ab8d2c223dd93c5a4efb40");
    }

    [Fact]
    public void The_genesis_is_sixty_four_zeros() => HashChain.Genesis.ShouldBe(new string('0', 64));
}
