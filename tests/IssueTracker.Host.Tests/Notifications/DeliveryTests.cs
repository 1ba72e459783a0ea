using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using Marten.Services;
using Npgsql;

namespace IssueTracker.Host.Tests.Notifications;

[Collection(NotificationCollection.Name)]
public class DeliveryTests(NotificationFixture app)
{
    [Fact]
    public async Task An_assignment_to_hongse_wuye_delivers_one_mail_with_a_Chinese_subject_and_the_issues_link()
    {
        var street = app.In(app.MailStreet);
        var id = await AssignedIssue(street);

        await Eventually.Holds(() => MailsAbout(id).Count > 0, "the assignment's mail");
        await Eventually.Holds(async () => (await Deliveries(street)).Where(d => d.GetProperty("issueId").GetGuid() == id)
            .All(d => d.GetProperty("status").GetString() == "delivered"), "the issue's deliveries sent");

        var mail = MailsAbout(id).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("【新交办】明光小区地锁占道");
        mail.TextBody!.ShouldContain($"{NotificationFixture.PublicBaseUrl}/issues/{id}");
        mail.TextBody!.ShouldNotContain("王女士");
        mail.TextBody!.ShouldNotContain("13800000000");
        mail.MessageId.ShouldStartWith((await Deliveries(street)).Single(d => d.GetProperty("issueId").GetGuid() == id).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task The_organisation_reads_its_notification_in_app_and_marks_it_read()
    {
        var street = app.In(app.MailStreet);
        var id = await AssignedIssue(street);
        JsonElement inbox = default;
        await Eventually.Holds(async () =>
        {
            inbox = (await street.Assignee.Get("/api/notifications")).ShouldHaveStatus(HttpStatusCode.OK).Body;
            return inbox.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("issueId").GetGuid() == id);
        }, "the in-app notification");
        var notification = inbox.GetProperty("items").EnumerateArray().First(n => n.GetProperty("issueId").GetGuid() == id);
        notification.GetProperty("type").GetString().ShouldBe("assigned");
        notification.GetProperty("link").GetString().ShouldBe($"{NotificationFixture.PublicBaseUrl}/issues/{id}");
        notification.ToString().ShouldNotContain("王女士");
        var unread = inbox.GetProperty("unread").GetInt64();
        unread.ShouldBeGreaterThan(0);

        (await street.OtherAssignee.Post($"/api/notifications/{notification.GetProperty("id")}/read", new { }))
            .ShouldHaveStatus(HttpStatusCode.NotFound);
        (await street.Assignee.Post($"/api/notifications/{notification.GetProperty("id")}/read", new { }))
            .ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await street.Assignee.Get("/api/notifications")).Body.GetProperty("unread").GetInt64().ShouldBe(unread - 1);
        (await street.Host.Get("/api/notifications")).Body.GetProperty("items").EnumerateArray()
            .ShouldNotContain(n => n.GetProperty("type").GetString() == "assigned");
    }

    [Fact]
    public async Task A_decline_notifies_the_hosts_by_mail_and_in_app()
    {
        var street = app.In(app.MailStreet);
        var id = await AssignedIssue(street);
        (await street.Assignee.Post($"/api/issues/{id}/decline", new { reason = "不属于物业职责" })).ShouldHaveStatus(HttpStatusCode.OK);

        await Eventually.Holds(() => app.Mail.To(NotificationFixture.HostsAddress)
            .Any(m => (m.Subject ?? "").StartsWith("【退回】") && (m.TextBody ?? "").Contains(id.ToString())), "the hosts' mail");
        (await street.Host.Get("/api/notifications")).Body.GetProperty("items").EnumerateArray()
            .ShouldContain(n => n.GetProperty("type").GetString() == "declined" && n.GetProperty("issueId").GetGuid() == id);
    }

    [Fact]
    public async Task A_rejected_command_and_a_rolled_back_transaction_notify_nobody()
    {
        var street = app.In(app.QuietStreet);
        var rejected = await street.Raise();
        (await street.Reporter.Post($"/api/issues/{rejected}/assign", new { assignee = Street.PropertyCompany }))
            .ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await street.Host.Post($"/api/issues/{rejected}/assign", new { assignee = Street.PropertyCompany }, ("If-Match", "\"7\"")))
            .ShouldHaveStatus(HttpStatusCode.PreconditionFailed);

        await using (var session = app.Store.LightweightSession(street.Id))
        {
            session.Events.Append(rejected, 9, Assignment());
            await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync());
        }

        // An assignment written to the database in a transaction that is then rolled back.
        var rolledBack = await street.Raise();
        await using (var connection = new NpgsqlConnection(AppFixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var options = SessionOptions.ForTransaction(transaction);
            options.TenantId = street.Id;
            await using (var session = app.Store.LightweightSession(options))
            {
                session.Events.Append(rolledBack, Assignment());
                await session.SaveChangesAsync();
            }
            await using var written = new NpgsqlCommand(
                "select count(*) from issuetracker.mt_events where stream_id = $1 and type = 'issue_assigned'", connection, transaction)
            {
                Parameters = { new() { Value = rolledBack } }
            };
            ((long)(await written.ExecuteScalarAsync())!).ShouldBe(1, "the event was written inside the transaction");
            await transaction.RollbackAsync();
        }

        // A committed assignment after them: once its mail is out, the daemon has passed them all.
        var marker = await AssignedIssue(street);
        await Eventually.Holds(() => MailsAbout(marker).Count > 0, "the committed assignment's mail");
        MailsAbout(rejected).ShouldBeEmpty();
        MailsAbout(rolledBack).ShouldBeEmpty();
        (await Deliveries(street)).ShouldAllBe(d => d.GetProperty("issueId").GetGuid() == marker);
        (await street.Assignee.Get("/api/notifications?pageSize=200")).Body.GetProperty("items").EnumerateArray()
            .ShouldAllBe(n => n.GetProperty("issueId").GetGuid() == marker);
    }

    private static IssueAssigned Assignment() =>
        new(Street.PropertyCompany, null, null, new Actor("host-li", "李主任", Roles.Host, null), DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_webhook_carries_a_Standard_Webhooks_signature_that_verifies()
    {
        var street = app.In(app.WebhookStreet);
        var id = await AssignedIssue(street);
        await Eventually.Holds(() => app.Receiver.At("ok", street.Id).Count > 0, "the webhook");

        var hook = app.Receiver.At("ok", street.Id).ShouldHaveSingleItem();
        var (webhookId, timestamp) = (hook.Headers["webhook-id"], hook.Headers["webhook-timestamp"]);
        // The reference algorithm: HMAC-SHA256 over "id.timestamp.body" with the base64 key after "whsec_".
        var key = Convert.FromBase64String(NotificationFixture.Secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{hook.Body}")));
        hook.Headers["webhook-signature"].Split(' ').ShouldContain(expected);

        var body = JsonDocument.Parse(hook.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe("issue.assigned");
        body.GetProperty("street").GetString().ShouldBe(street.Id);
        body.GetProperty("issueId").GetGuid().ShouldBe(id);
        body.GetProperty("occurredAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        body.GetProperty("data").GetProperty("assignee").GetString().ShouldBe(Street.PropertyCompany);
        hook.Body.ShouldNotContain("王女士");
        hook.Body.ShouldNotContain("13800000000");
        app.Logs.Lines.Where(line => line.Contains(app.Receiver.Address.Authority) || line.Contains(NotificationFixture.Secret))
            .ShouldBeEmpty("webhook URLs and secrets are never logged");
    }

    [Fact]
    public async Task A_receiver_answering_500_three_times_gets_the_fourth_attempt_with_the_same_webhook_id()
    {
        var street = app.In(app.FlakyStreet);
        await AssignedIssue(street);
        await Eventually.Holds(async () => (await Deliveries(street)).Any(d => d.GetProperty("status").GetString() == "delivered"),
            "the delivery after three failures");

        var requests = app.Receiver.At("flaky", street.Id);
        requests.Count.ShouldBe(4);
        requests.Select(r => r.Headers["webhook-id"]).Distinct().ShouldHaveSingleItem();
        var delivery = (await Deliveries(street)).ShouldHaveSingleItem();
        delivery.GetProperty("attempts").GetInt32().ShouldBe(4);
        delivery.GetProperty("lastError").GetString()!.ShouldContain("500");
    }

    [Fact]
    public async Task A_receiver_that_always_fails_ends_dead_lettered_and_is_sent_again_by_retry()
    {
        var street = app.In(app.DownStreet);
        await AssignedIssue(street);
        await Eventually.Holds(async () =>
            (await street.Host.Get($"/api/deliveries?org={Street.PropertyCompany}&status=deadLettered")).Body
            .GetProperty("items").GetArrayLength() == 1, "the dead letter");

        var dead = (await Deliveries(street)).ShouldHaveSingleItem();
        dead.GetProperty("attempts").GetInt32().ShouldBe(6, "the first attempt and five retries");
        app.Receiver.At("down", street.Id).Count.ShouldBe(6);

        app.Receiver.Healed[street.Id] = true;
        (await street.Assignee.Post($"/api/deliveries/{dead.GetProperty("id")}/retry", new { })).ShouldHaveStatus(HttpStatusCode.Forbidden);
        var key = ("Idempotency-Key", "retry-" + dead.GetProperty("id"));
        (await street.Host.Post($"/api/deliveries/{dead.GetProperty("id")}/retry", new { }, key)).ShouldHaveStatus(HttpStatusCode.OK);
        await Eventually.Holds(async () => (await Deliveries(street)).Single().GetProperty("status").GetString() == "delivered",
            "the retried delivery");
        app.Receiver.At("down", street.Id).Count.ShouldBe(7);
        var replayed = (await street.Host.Post($"/api/deliveries/{dead.GetProperty("id")}/retry", new { }, key)).ShouldHaveStatus(HttpStatusCode.OK);
        replayed.Response.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        replayed.Body.GetProperty("status").GetString().ShouldBe("pending", "the first answer, replayed");
        (await Deliveries(street)).Single().GetProperty("status").GetString().ShouldBe("delivered", "a replayed retry asks for no attempt");
        (await street.Host.Get("/api/deliveries?status=sideways")).ShouldHaveStatus(HttpStatusCode.BadRequest);
        (await app.In(app.MailStreet).Host.Post($"/api/deliveries/{dead.GetProperty("id")}/retry", new { }))
            .ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_WeCom_robot_gets_a_markdown_message()
    {
        var street = app.In(app.WecomStreet);
        var id = await AssignedIssue(street);
        await Eventually.Holds(() => app.Receiver.At("wecom", street.Id).Count > 0, "the robot message");

        var message = JsonDocument.Parse(app.Receiver.At("wecom", street.Id).ShouldHaveSingleItem().Body).RootElement;
        message.GetProperty("msgtype").GetString().ShouldBe("markdown");
        var content = message.GetProperty("markdown").GetProperty("content").GetString()!;
        content.ShouldContain("新交办");
        content.ShouldContain($"{NotificationFixture.PublicBaseUrl}/issues/{id}");
    }

    private IReadOnlyList<MimeKit.MimeMessage> MailsAbout(Guid id) =>
        app.Mail.To(NotificationFixture.OrgAddress).Where(m => (m.TextBody ?? "").Contains(id.ToString())).ToList();

    private static async Task<IReadOnlyList<JsonElement>> Deliveries(Street street) =>
        (await street.Host.Get("/api/deliveries")).ShouldHaveStatus(HttpStatusCode.OK).Body.GetProperty("items").EnumerateArray().ToList();

    private static async Task<Guid> AssignedIssue(Street street)
    {
        var id = await street.Raise();
        (await street.Host.Post($"/api/issues/{id}/assign", new { assignee = Street.PropertyCompany })).ShouldHaveStatus(HttpStatusCode.OK);
        return id;
    }
}
