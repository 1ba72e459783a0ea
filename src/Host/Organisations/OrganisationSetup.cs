using IssueTracker.Projections.OrganisationDirectory;
using IssueTracker.Projections.Organisations;
using JasperFx.Events.Projections;

namespace IssueTracker.Host.Organisations;

public static class OrganisationSetup
{
    public static void AddIssueTrackerOrganisations(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.Add<OrganisationWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<DirectoryEntryProjection>(ProjectionLifecycle.Inline);
        });
}
