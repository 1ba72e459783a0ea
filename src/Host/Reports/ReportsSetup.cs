using IssueTracker.Projections.Assessment;
using JasperFx.Events.Projections;

namespace IssueTracker.Host.Reports;

public static class ReportsSetup
{
    /// <summary>The assessment projection (async, rebuildable) and the score's weights from "Assessment".</summary>
    public static void AddIssueTrackerReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Assessment").Get<AssessmentWeights>() ?? new AssessmentWeights());
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.Add<AssessmentProjection>(ProjectionLifecycle.Async);
            options.Schema.For<AssessmentRecord>().Duplicate(x => x.LastAt);
        });
    }
}
