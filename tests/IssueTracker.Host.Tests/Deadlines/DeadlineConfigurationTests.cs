using IssueTracker.Domain.Issues;
using IssueTracker.Host.Deadlines;
using Microsoft.Extensions.Configuration;

namespace IssueTracker.Host.Tests.Deadlines;

public class DeadlineConfigurationTests
{
    [Fact]
    public void The_Deadlines_section_overrides_the_defaults_and_names_categories_as_clients_do()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Deadlines:Acknowledge"] = "12:00:00",
            ["Deadlines:ReopenEscalationThreshold"] = "3",
            ["Deadlines:Categories:noise:Resolve"] = "1.00:00:00"
        }).Build();

        var policy = DeadlineSetup.PolicyFrom(configuration);

        policy.ReopenEscalationThreshold.ShouldBe(3);
        policy.TermsFor(IssueCategory.Noise, Urgency.Normal).ShouldBe(new DeadlineTerms(TimeSpan.FromHours(12), TimeSpan.FromDays(1)));
        policy.TermsFor(IssueCategory.Repairs, Urgency.Normal).Resolve.ShouldBe(TimeSpan.FromDays(3));
        policy.TermsFor(IssueCategory.Parking, Urgency.Urgent).ShouldBe(new DeadlineTerms(TimeSpan.FromHours(4), TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Without_a_Deadlines_section_the_documented_defaults_hold() =>
        DeadlineSetup.PolicyFrom(new ConfigurationBuilder().Build())
            .TermsFor(IssueCategory.Parking, Urgency.Normal).ShouldBe(new DeadlineTerms(TimeSpan.FromHours(24), TimeSpan.FromDays(7)));
}
