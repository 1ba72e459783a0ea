using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Organisations;

/// <summary>An entry's notify channels (issue 17): kept with the entry, shown to hosts and admins only, checked on the way in.</summary>
[Collection(AppCollection.Name)]
public class OrganisationNotifyTests(AppFixture app)
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static object Entry(object notify) => new { id = "hongse-wuye", name = "红色物业", kind = "propertyCompany", notify };

    private static object Channels(string secret = Secret) => new
    {
        email = "paidan@hongse-wuye.test", webhookUrl = "https://hongse-wuye.example.cn/hooks", webhookSecret = secret,
        wecomRobotUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"
    };

    [Fact]
    public async Task Hosts_and_admins_see_the_channels_and_nobody_else_does()
    {
        var street = new Street(app, "street-" + Guid.NewGuid().ToString("N")[..12]) { ListsAssignees = false };
        (await street.Host.Post("/api/organisations", Entry(Channels()))).ShouldHaveStatus(HttpStatusCode.Created);

        foreach (var reader in new[] { street.Host, street.Admin })
        {
            var notify = (await reader.Get("/api/organisations/hongse-wuye")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("notify");
            notify.GetProperty("email").GetString().ShouldBe("paidan@hongse-wuye.test");
            notify.GetProperty("webhookSecret").GetString().ShouldBe(Secret);
        }
        foreach (var reader in new[] { street.Auditor, street.Reporter, street.Assignee, street.OtherAssignee })
        {
            var one = (await reader.Get("/api/organisations/hongse-wuye")).ShouldHaveStatus(HttpStatusCode.OK);
            one.Body.GetProperty("notify").ValueKind.ShouldBe(JsonValueKind.Null);
            one.Body.ToString().ShouldNotContain("hongse-wuye.example.cn");
            (await reader.Get("/api/organisations")).Body.ToString().ShouldNotContain(Secret);
        }
    }

    [Fact]
    public async Task A_webhook_without_a_Standard_Webhooks_secret_is_refused_and_changes_nothing()
    {
        var street = new Street(app, "street-" + Guid.NewGuid().ToString("N")[..12]) { ListsAssignees = false };
        var refused = (await street.Host.Post("/api/organisations", Entry(Channels("plain-secret")))).ShouldHaveStatus(HttpStatusCode.BadRequest);
        refused.Body.GetProperty("errors").TryGetProperty("notify.webhookSecret", out _).ShouldBeTrue(refused.ToString());
        (await street.Host.Get("/api/organisations/hongse-wuye")).ShouldHaveStatus(HttpStatusCode.NotFound);

        (await street.Host.Post("/api/organisations", Entry(new { email = "paidan@hongse-wuye.test" }))).ShouldHaveStatus(HttpStatusCode.Created);
        (await street.Host.Send(HttpMethod.Put, "/api/organisations/hongse-wuye",
                JsonContent.Create(new { name = "红色物业", kind = "propertyCompany", notify = new { webhookUrl = "not a url", webhookSecret = Secret } },
                    options: Street.Json)))
            .ShouldHaveStatus(HttpStatusCode.BadRequest).Body.GetProperty("errors").TryGetProperty("notify.webhookUrl", out _).ShouldBeTrue();
        (await street.Host.Get("/api/organisations/hongse-wuye")).Body.GetProperty("version").GetInt32().ShouldBe(1);
    }
}
