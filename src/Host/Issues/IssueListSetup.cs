using IssueTracker.Projections.IssueDetails;
using Marten.Schema;

namespace IssueTracker.Host.Issues;

public static class IssueListSetup
{
    /// <summary>
    /// The issue list's indexes: each sort order reads a page of one street from a (tenant_id, column, id) index (a
    /// duplicated field's own index is on its column alone: a street's page was read from it, then sorted), and q's
    /// grams are found through a GIN index over the stored document (containment, jsonb_path_ops).
    /// </summary>
    public static void AddIssueTrackerIssueList(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureMarten(options => options.Schema.For<IssueDetails>()
            .Duplicate(x => x.RaisedAt, configure: StreetFirst)
            .Duplicate(x => x.UpdatedAt, configure: StreetFirst)
            .Duplicate(x => x.DueBy, configure: StreetFirst)
            .GinIndexJsonData());

    /// <summary>The duplicated column's index as (tenant_id, column, id): Weasel puts the column where the mask has "?".</summary>
    private static void StreetFirst(DocumentIndex index) => index.Mask = "tenant_id, ?, id";
}
