using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Organisations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Organisations;

public class OrganisationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-li", "李主任", Roles.Host, null);

    private static RegisterOrganisation Entry(string? id = "hongse-wuye") =>
        new(id, "红色物业", OrganisationKind.PropertyCompany, new Contact("张经理", "0551-64210001", null), null);

    [Theory]
    [InlineData("hongse-wuye", true)]
    [InlineData("110", true)]
    [InlineData("a", false)]
    [InlineData("-wuye", false)]
    [InlineData("Hongse", false)]
    [InlineData("红色物业", false)]
    [InlineData("hongse_wuye", false)]
    public void Ids_are_slugs(string id, bool valid) => OrganisationIds.IsSlug(id).ShouldBe(valid);

    [Fact]
    public void A_slug_has_one_stream_id_per_street_and_it_is_a_version_5_uuid()
    {
        var id = OrganisationIds.StreamId("mingguanglu", "hongse-wuye");
        id.ShouldBe(OrganisationIds.StreamId("mingguanglu", "hongse-wuye"));
        id.ShouldNotBe(OrganisationIds.StreamId("quanjiaolu", "hongse-wuye"));
        id.Version.ShouldBe(5);
    }

    [Fact]
    public void Registering_records_the_whole_profile_active_by_default_with_its_actor()
    {
        var registered = Organisation.Register(Entry(), exists: false, Host, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<OrganisationRegistered>();
        registered.Slug.ShouldBe("hongse-wuye");
        registered.Profile.Active.ShouldBeTrue();
        registered.By.ShouldBe(Host);
    }

    [Fact]
    public void A_slug_that_exists_or_a_bad_entry_is_refused()
    {
        Organisation.Register(Entry(), exists: true, Host, Now).Rejection.ShouldBeOfType<AlreadyExists>();
        var invalid = Organisation.Register(new RegisterOrganisation("x", " ", null, null, null), false, Host, Now)
            .Rejection.ShouldBeOfType<InvalidInput>();
        invalid.Fields["id"][0].Code.ShouldBe(ErrorCodes.BadFormat);
        invalid.Fields["name"][0].Code.ShouldBe(ErrorCodes.Required);
        invalid.Fields["kind"][0].Code.ShouldBe(ErrorCodes.UnknownValue);
        invalid.Fields["name"][0].Chinese.ShouldContain("必填");
    }

    [Fact]
    public void An_update_replaces_the_profile_and_may_not_change_the_id()
    {
        var entry = Organisation.Create(Guid.NewGuid(), (OrganisationRegistered)Organisation.Register(Entry(), false, Host, Now).Events[0]);
        var renamed = entry.Update(new UpdateOrganisation(null, "红色物业（明光）", OrganisationKind.PropertyCompany, null, false), Host, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<OrganisationUpdated>();
        renamed.Profile.ShouldBe(new OrganisationProfile("红色物业（明光）", OrganisationKind.PropertyCompany, new Contact(null, null, null), false));
        entry.Update(new UpdateOrganisation("anju-wuye", "安居物业", OrganisationKind.PropertyCompany, null, null), Host, Now)
            .Rejection.ShouldBeOfType<InvalidInput>().Fields["id"][0].Code.ShouldBe(ErrorCodes.Mismatch);
    }

    [Fact]
    public void Work_goes_only_to_listed_active_organisations()
    {
        var assigned = Decision.Accept(new IssueAssigned("hongse-wuyee", null, null, Host, Now));
        assigned.RequireListed(_ => false).Rejection.ShouldBeOfType<InvalidInput>().Fields["assignee"][0].Code
            .ShouldBe(ErrorCodes.UnknownOrganisation);
        assigned.RequireListed(slug => slug == "hongse-wuyee").IsAccepted.ShouldBeTrue();
        Decision.Accept(new IssueClosed(CloseOutcome.Closed, "x", null, Host, Now)).RequireListed(_ => false).IsAccepted.ShouldBeTrue();
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!", false)]
    public void A_webhook_secret_is_a_Standard_Webhooks_whsec_key(string secret, bool valid) =>
        Notify.IsWebhookSecret(secret).ShouldBe(valid);

    [Fact]
    public void The_notify_channels_are_recorded_with_the_profile_and_a_webhook_needs_its_secret()
    {
        var notify = new Notify("paidan@hongse.cn", "https://hongse.example.cn/hooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null);
        Organisation.Register(Entry() with { Notify = notify }, exists: false, Host, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<OrganisationRegistered>().Profile.Notify.ShouldBe(notify);

        foreach (var (bad, field) in new[]
                 {
                     (notify with { WebhookSecret = null }, "notify.webhookSecret"),
                     (notify with { WebhookUrl = null, WebhookSecret = "secret" }, "notify.webhookSecret"),
                     (notify with { WebhookUrl = "ftp://hongse.example.cn/hooks" }, "notify.webhookUrl"),
                     (notify with { Email = "paidan" }, "notify.email"),
                     (notify with { WecomRobotUrl = "qyapi.weixin.qq.com/cgi-bin/webhook/send" }, "notify.wecomRobotUrl"),
                 })
            Organisation.Register(Entry() with { Notify = bad }, exists: false, Host, Now).Rejection.ShouldBeOfType<InvalidInput>()
                .Fields.Keys.ShouldContain(field);
    }
}
