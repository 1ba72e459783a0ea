using IssueTracker.Domain.Volunteers;
using IssueTracker.Projections.Volunteers;
using JasperFx.Events.Projections;

namespace IssueTracker.Host.Volunteers;

/// <summary>The volunteer service and the street's ledgers: a second bounded context in the same event store.</summary>
public static class VolunteerSetup
{
    public static void AddIssueTrackerVolunteers(this WebApplicationBuilder builder)
    {
        var rule = new PointsRule(
            builder.Configuration.GetValue("Volunteers:PointsPerHour", 10),
            builder.Configuration.GetValue("Volunteers:PointsPerWish", 20));
        if (rule.PointsPerHour < 1 || rule.PointsPerWish < 0)
            throw new InvalidOperationException("Volunteers:PointsPerHour must be at least 1 and Volunteers:PointsPerWish at least 0.");
        builder.Services.AddSingleton(rule);

        builder.Services.ConfigureMarten(options =>
        {
            options.Projections.Add<VolunteerWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<VolunteerProfileProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<RewardWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<RewardOfferProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<WishWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<WishCardProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<MicroTaskWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<MicroTaskCardProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<VentureWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<VentureCardProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<ResourceCardProjection>(ProjectionLifecycle.Inline);
            options.Projections.Add<NeedWriteModelProjection>(ProjectionLifecycle.Live);
            options.Projections.Add<NeedCardProjection>(ProjectionLifecycle.Inline);
        });
    }
}
