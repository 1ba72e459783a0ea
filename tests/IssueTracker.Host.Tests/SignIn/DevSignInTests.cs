using System.Net;
using IssueTracker.Host.SignIn;
using Microsoft.Extensions.Configuration;

namespace IssueTracker.Host.Tests.SignIn;

[Collection(AppCollection.Name)]
public class DevSignInTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_street_people_need_no_token_and_cover_every_kind_of_work()
    {
        var people = (await app.NewStreet().Anonymous.Get("/api/dev/people")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        var rows = people.EnumerateArray().Select(p => (Role: p.GetProperty("role").GetString(), Org: p.GetProperty("org").GetString())).ToList();
        rows.ShouldContain(("host", null));
        rows.ShouldContain(("reporter", null));
        rows.ShouldContain(("assignee", "hongse-wuye"));
        rows.ShouldContain(("assignee", "datonglu-pcs"));
        rows.ShouldContain(("auditor", null));
        rows.ShouldContain(("viewer", null));
        rows.ShouldContain(("volunteer", null));
        rows.ShouldContain(("teamLeader", "shequ-xiaobangke"));
        people.EnumerateArray().ShouldAllBe(p => p.GetProperty("name").GetString()!.Length > 0 && p.GetProperty("sub").GetString()!.Length > 0);
    }

    [Fact]
    public async Task A_dev_token_signs_in_as_that_person_in_the_street_asked_for()
    {
        var street = app.NewStreet();
        var token = (await street.Anonymous.Post("/api/dev/token", new { sub = "dev-hongse-zhang", street = street.Id }))
            .ShouldHaveStatus(HttpStatusCode.OK).Text("token");

        var issue = await street.Raise();
        await street.Host.Post($"/api/issues/{issue}/assign", new { assignee = "hongse-wuye", dueBy = (string?)null, note = (string?)null });
        (await new Client(app, token).Post($"/api/issues/{issue}/acknowledge", new { note = (string?)null })).ShouldHaveStatus(HttpStatusCode.OK);

        var acknowledged = (await street.EventsOf(issue)).Last().Data.ShouldBeOfType<Domain.Issues.AssignmentAcknowledged>();
        acknowledged.By.ShouldBe(new Domain.Shared.Actor("dev-hongse-zhang", DevPeople.Find("dev-hongse-zhang")!.Name, "assignee", "hongse-wuye"));
    }

    [Theory]
    [InlineData("{\"sub\":\"nobody\"}", "sub")]
    [InlineData("{\"sub\":\"dev-host-li\",\"street\":\" Mingguanglu \"}", "street")]
    public async Task An_unknown_person_or_a_street_that_is_not_canonical_is_refused(string body, string field)
    {
        var answer = (await app.NewStreet().Anonymous.Post("/api/dev/token", body)).ShouldHaveStatus(HttpStatusCode.BadRequest);
        answer.ProblemType.ShouldBe("urn:issuetracker:problem:validation");
        answer.Body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_app_config_says_dev_sign_in_without_a_provider()
    {
        var config = (await app.NewStreet().Anonymous.Get("/app/config.json")).ShouldHaveStatus(HttpStatusCode.OK).Body;
        config.GetProperty("devSignIn").GetBoolean().ShouldBeTrue();
        config.GetProperty("authority").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        config.GetProperty("scopes").GetString()!.ShouldContain("openid");
    }
}

public class DevSignInEnvironmentTests
{
    [Theory]
    [InlineData("Development", "a-signing-key-of-at-least-thirty-two-bytes", true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", "a-signing-key-of-at-least-thirty-two-bytes", false)]
    [InlineData("Staging", "a-signing-key-of-at-least-thirty-two-bytes", false)]
    public void Dev_sign_in_exists_only_in_Development_with_a_signing_key(string environment, string? key, bool enabled)
    {
        var env = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = key }).Build();
        DevSignIn.IsEnabled(env, config).ShouldBe(enabled);
    }
}
