using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Projections.Tests.Issues;

/// <summary>The grams an issue is indexed by and the grams a search asks for (<see cref="IssueSearch"/>).</summary>
public class IssueSearchTests
{
    [Fact]
    public void An_issue_is_indexed_by_every_character_and_neighbouring_pair_of_each_word_lowered_once_each_in_ordinal_order() =>
        IssueSearch.Of("停车 地锁", null, "Ab\t地锁", "　B").ShouldBe(["a", "ab", "b", "停", "停车", "地", "地锁", "车", "锁"]);

    [Fact]
    public void A_pair_is_not_formed_across_whitespace_and_a_character_sorts_before_the_pairs_it_begins() =>
        IssueSearch.Of("zz z", "y").ShouldBe(["y", "z", "zz"]);

    [Fact]
    public void Characters_outside_the_basic_plane_are_indexed_by_their_code_units_as_a_search_asks_for_them()
    {
        var grams = IssueSearch.Of("𠀋屋");
        foreach (var gram in IssueSearch.Required("𠀋屋")) grams.ShouldContain(gram);
        grams.Count.ShouldBe(5);
    }

    [Fact]
    public void Every_gram_a_word_of_a_field_requires_is_among_the_fields_grams()
    {
        var grams = IssueSearch.Of("东区 3号楼 漏水严重", "Lift BROKEN");
        foreach (var word in new[] { "漏水", "水严", "严", "3号", "lift", "broken", "ROK" })
            IssueSearch.Required(word).ShouldAllBe(x => grams.Contains(x));
        IssueSearch.Required("区3").ShouldAllBe(x => !grams.Contains(x));
    }
}
