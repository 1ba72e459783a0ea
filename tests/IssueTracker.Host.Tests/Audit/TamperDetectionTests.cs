using System.Net;
using System.Text.Json;

namespace IssueTracker.Host.Tests.Audit;

[Collection(AppCollection.Name)]
public class TamperDetectionTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task An_untouched_stream_verifies_valid()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        var answer = await Verify(id);

        answer.GetProperty("valid").GetBoolean().ShouldBeTrue(answer.ToString());
        answer.GetProperty("events").GetInt32().ShouldBe(13);
    }

    [Fact]
    public async Task Editing_one_event_s_data_names_that_version()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        await AuditScenario.Sql("""
            update mt_events set data = jsonb_set(data, '{note}', '"已全部拆除"') where stream_id = $1 and version = 4
            """, id);

        ShouldBeBrokenAt(await Verify(id), 4);
    }

    [Fact]
    public async Task Deleting_a_middle_event_is_detected()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        await AuditScenario.Sql("delete from mt_events where stream_id = $1 and version = 6", id);

        ShouldBeBrokenAt(await Verify(id), 6);
    }

    [Fact]
    public async Task Deleting_the_last_event_is_detected()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        await AuditScenario.Sql("delete from mt_events where stream_id = $1 and version = 13", id);

        ShouldBeBrokenAt(await Verify(id), 13);
    }

    [Fact]
    public async Task Swapping_two_events_data_is_detected()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        await AuditScenario.Sql("""
            update mt_events e set data = o.data from mt_events o
            where e.stream_id = $1 and o.stream_id = $1 and ((e.version, o.version) in ((4, 10), (10, 4)))
            """, id);

        ShouldBeBrokenAt(await Verify(id), 4);
    }

    [Fact]
    public async Task Changing_the_recorded_actor_is_detected()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        await AuditScenario.Sql("""
            update mt_events set headers = jsonb_set(headers, '{actor,name}', '"王主任"') where stream_id = $1 and version = 2
            """, id);

        ShouldBeBrokenAt(await Verify(id), 2);
    }

    [Fact]
    public async Task Rewriting_the_author_in_both_data_and_header_is_detected()
    {
        var (id, _) = await AuditScenario.LongLife(_street);

        await AuditScenario.Sql("""
            update mt_events set data = jsonb_set(data, '{by,id}', '"host-wang"'),
                                 headers = jsonb_set(headers, '{actor,id}', '"host-wang"')
            where stream_id = $1 and version = 13
            """, id);

        ShouldBeBrokenAt(await Verify(id), 13);
    }

    [Fact]
    public async Task Only_auditors_may_verify_and_other_streets_see_nothing()
    {
        var id = await _street.Raise();

        (await _street.Host.Get($"/api/issues/{id}/history/verify")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await _street.Reporter.Get($"/api/issues/{id}/history/verify")).ShouldHaveStatus(HttpStatusCode.Forbidden);
        (await app.NewStreet().Auditor.Get($"/api/issues/{id}/history/verify")).ShouldHaveStatus(HttpStatusCode.NotFound);
    }

    private async Task<JsonElement> Verify(Guid id) =>
        (await _street.Auditor.Get($"/api/issues/{id}/history/verify")).ShouldHaveStatus(HttpStatusCode.OK).Body;

    private static void ShouldBeBrokenAt(JsonElement answer, int version)
    {
        answer.GetProperty("valid").GetBoolean().ShouldBeFalse(answer.ToString());
        answer.GetProperty("firstInvalidVersion").GetInt32().ShouldBe(version, answer.ToString());
        answer.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
    }
}
