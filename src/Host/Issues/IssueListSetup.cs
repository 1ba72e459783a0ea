using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Host.Issues;

public static class IssueListSetup
{
    /// <summary>
    /// The issue list's indexes: each sort order reads a page from an index, and q's grams are found through a GIN
    /// index over the stored document (containment, jsonb_path_ops).
    /// </summary>
    public static void AddIssueTrackerIssueList(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureMarten(options => options.Schema.For<IssueDetails>()
            .Duplicate(x => x.UpdatedAt)
            .Duplicate(x => x.DueBy)
            .GinIndexJsonData());
}
