using System.Net;
using IssueTracker.Host.Tests.Volunteers;
using static System.Net.HttpStatusCode;

namespace IssueTracker.Host.Tests.Authorization;

/// <summary>
/// The volunteer service's endpoints × every role, including the volunteer the record is about, another volunteer,
/// the leader of the volunteer's team and another team's leader; each case on fresh records in a street of its own.
/// Every refused write must leave the stream as it was.
/// </summary>
[Collection(AppCollection.Name)]
public class VolunteerAccessMatrixTests(AppFixture app)
{
    public static readonly string[] Roles =
        ["host", "admin", "auditor", "reporter", "assignee", "volunteer", "otherVolunteer", "leader", "otherLeader", "anonymous"];

    /// <param name="Arrange">The record the request is about (its stream is checked) and a second one it names.</param>
    private sealed record Endpoint(
        Func<Street, Task<(Guid Id, Guid Other)>> Arrange, Func<Client, Guid, Guid, Task<Answer>> Act, bool Writes,
        params HttpStatusCode[] Expected);

    private static readonly Dictionary<string, Endpoint> Endpoints = new()
    {
        ["POST /api/volunteers"] = new(Nothing, (c, _, _) => c.Post("/api/volunteers", VolunteerBodies.Registration()), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Created, Created, Forbidden, Forbidden, Unauthorized),
        ["GET /api/volunteers/{id}"] = new(Volunteer, (c, id, _) => c.Get($"/api/volunteers/{id}"), false,
            OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/volunteers?team="] = new(Volunteer, (c, _, _) => c.Get($"/api/volunteers?team={VolunteerBodies.Team}"), false,
            OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["join team"] = new(Volunteer, (c, id, _) => c.Post($"/api/volunteers/{id}/teams", new { teamId = VolunteerBodies.OtherTeam }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, OK, Unauthorized),
        ["leave team"] = new(Volunteer, (c, id, _) => c.Send(HttpMethod.Delete, $"/api/volunteers/{id}/teams/{VolunteerBodies.Team}", null), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Forbidden, OK, Forbidden, Unauthorized),
        ["service-records"] = new(Volunteer, (c, id, _) => c.Post($"/api/volunteers/{id}/service-records", VolunteerBodies.Service()), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["corrections"] = new(WithServiceRecord, (c, id, record) => c.Post($"/api/volunteers/{id}/service-records/{record}/corrections",
                new { hours = 1, reason = "登记有误" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["POST /api/rewards"] = new(Nothing, (c, _, _) => c.Post("/api/rewards", new { name = "爱心理发券", cost = 30, stock = 5 }), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["GET /api/rewards"] = new(Reward, (c, _, _) => c.Get("/api/rewards"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/rewards/{id}"] = new(Reward, (c, id, _) => c.Get($"/api/rewards/{id}"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["restock"] = new(Reward, (c, id, _) => c.Post($"/api/rewards/{id}/restock", new { quantity = 3 }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["redemptions"] = new(RewardAndVolunteer, (c, reward, volunteer) => c.Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["POST /api/wishes"] = new(Nothing, (c, _, _) => c.Post("/api/wishes", WishStoryTests.Wish()), false,
            Created, Created, Forbidden, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["GET /api/wishes"] = new(Wish, (c, _, _) => c.Get("/api/wishes"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/wishes/{id}"] = new(Wish, (c, id, _) => c.Get($"/api/wishes/{id}"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["claim wish"] = new(WishAndVolunteer, (c, wish, volunteer) => c.Post($"/api/wishes/{wish}/claim", new { volunteerId = volunteer }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["fulfil wish"] = new(ClaimedWish, (c, wish, _) => c.Post($"/api/wishes/{wish}/fulfil", new { note = "已上门陪伴" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, OK, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["confirm wish"] = new(FulfilledWish, (c, wish, _) => c.Post($"/api/wishes/{wish}/confirm", new { }), true,
            OK, OK, Forbidden, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["POST /api/micro-tasks"] = new(Nothing, (c, _, _) => c.Post("/api/micro-tasks", MicroTaskStoryTests.Task()), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["GET /api/micro-tasks"] = new(MicroTask, (c, _, _) => c.Get("/api/micro-tasks"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/micro-tasks/{id}"] = new(MicroTask, (c, id, _) => c.Get($"/api/micro-tasks/{id}"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["claim micro-task"] = new(MicroTask, (c, id, _) => c.Post($"/api/micro-tasks/{id}/claim", new { teamId = VolunteerBodies.Team }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["complete micro-task"] = new(ClaimedMicroTask, (c, id, volunteer) => c.Post($"/api/micro-tasks/{id}/complete",
                new { report = "已完成", participants = new[] { new { volunteerId = volunteer, hours = 2m } } }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["confirm micro-task"] = new(CompletedMicroTask, (c, id, _) => c.Post($"/api/micro-tasks/{id}/confirm", new { }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["POST /api/ventures"] = new(Nothing, (c, _, _) => c.Post("/api/ventures", VentureAndListTests.Venture()), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Created, Forbidden, Unauthorized),
        ["GET /api/ventures"] = new(Venture, (c, _, _) => c.Get("/api/ventures"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/ventures/{id}"] = new(Venture, (c, id, _) => c.Get($"/api/ventures/{id}"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["approve venture"] = new(Venture, (c, id, _) => c.Post($"/api/ventures/{id}/approve", new { note = "同意" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["decline venture"] = new(Venture, (c, id, _) => c.Post($"/api/ventures/{id}/decline", new { reason = "超预算" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["venture milestones"] = new(ApprovedVenture, (c, id, _) => c.Post($"/api/ventures/{id}/milestones", new { note = "已购置餐箱", spent = 100m }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["complete venture"] = new(ApprovedVenture, (c, id, _) => c.Post($"/api/ventures/{id}/complete", new { summary = "完成" }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, OK, Forbidden, Unauthorized),
        ["POST /api/resources"] = new(Nothing, (c, _, _) => c.Post("/api/resources", new { provider = "现代妇产医院", category = "医疗", description = "义诊" }), false,
            Created, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["POST /api/needs"] = new(Nothing, (c, _, _) => c.Post("/api/needs", new { category = "医疗", community = "明光社区", description = "测血压" }), false,
            Created, Created, Forbidden, Created, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["match need"] = new(NeedAndResource, (c, need, resource) => c.Post($"/api/needs/{need}/match", new { resourceId = resource }), true,
            OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["GET /api/resources"] = new(NeedAndResource, (c, _, _) => c.Get("/api/resources"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/needs"] = new(NeedAndResource, (c, _, _) => c.Get("/api/needs"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/needs/matches"] = new(NeedAndResource, (c, _, _) => c.Get("/api/needs/matches"), false, OK, OK, OK, OK, OK, OK, OK, OK, OK, Unauthorized),
        ["GET /api/ledgers/{kind}"] = new(Wish, (c, _, _) => c.Get("/api/ledgers/wishes"), false,
            OK, OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
        ["GET /api/ledgers/{kind}?format=xlsx"] = new(Wish, (c, _, _) => c.Get("/api/ledgers/micro-tasks?format=xlsx"), false,
            OK, OK, OK, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized),
    };

    public static TheoryData<string, string> Cases() => AccessMatrix.Cases(Endpoints.Keys, Roles);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_what_the_contract_allows(string endpoint, string role)
    {
        var street = app.NewStreet();
        var definition = Endpoints[endpoint];
        var (id, other) = await definition.Arrange(street);
        var before = id == Guid.Empty ? 0 : (await street.EventsOf(id)).Count;
        var expected = definition.Expected[Array.IndexOf(Roles, role)];

        var answer = await definition.Act(ClientFor(street, role), id, other);

        await answer.ShouldBeAllowedExactly(expected, definition.Writes, street, id, before);
    }

    private static Client ClientFor(Street street, string role) => role switch
    {
        "host" => street.Host,
        "admin" => street.Admin,
        "auditor" => street.Auditor,
        "reporter" => street.Reporter,
        "assignee" => street.Assignee,
        "volunteer" => street.Volunteer(),
        "otherVolunteer" => street.Volunteer("vol-zhou", "周阿姨"),
        "leader" => street.Leader(),
        "otherLeader" => street.OtherLeader(),
        _ => street.Anonymous
    };

    private static Task<(Guid, Guid)> Nothing(Street _) => Task.FromResult((Guid.Empty, Guid.Empty));

    private static async Task<(Guid, Guid)> Volunteer(Street street) => (await street.RegisterSelf(), Guid.Empty);

    private static async Task<(Guid, Guid)> WithServiceRecord(Street street)
    {
        var volunteer = await street.RegisterSelf(hours: 2);
        var record = (await street.Host.Get($"/api/volunteers/{volunteer}")).Body.GetProperty("serviceRecords")[0].GetProperty("recordId").GetGuid();
        return (volunteer, record);
    }

    private static async Task<(Guid, Guid)> Reward(Street street) => (await street.OfferReward(), Guid.Empty);

    private static async Task<(Guid, Guid)> RewardAndVolunteer(Street street) =>
        (await street.OfferReward(), await street.RegisterSelf(hours: 5));

    private static async Task<(Guid, Guid)> Wish(Street street) =>
        ((await street.Reporter.Post("/api/wishes", WishStoryTests.Wish())).ShouldHaveStatus(Created).Id, Guid.Empty);

    private static async Task<(Guid, Guid)> WishAndVolunteer(Street street) => ((await Wish(street)).Item1, await street.RegisterSelf());

    private static async Task<(Guid, Guid)> ClaimedWish(Street street)
    {
        var (wish, volunteer) = await WishAndVolunteer(street);
        (await street.Volunteer().Post($"/api/wishes/{wish}/claim", new { volunteerId = volunteer })).ShouldHaveStatus(OK);
        return (wish, volunteer);
    }

    private static async Task<(Guid, Guid)> FulfilledWish(Street street)
    {
        var (wish, volunteer) = await ClaimedWish(street);
        (await street.Volunteer().Post($"/api/wishes/{wish}/fulfil", new { note = "已上门陪伴" })).ShouldHaveStatus(OK);
        return (wish, volunteer);
    }

    private static async Task<(Guid, Guid)> MicroTask(Street street) =>
        ((await street.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task())).ShouldHaveStatus(Created).Id, Guid.Empty);

    private static async Task<(Guid, Guid)> ClaimedMicroTask(Street street) =>
        ((await street.Host.Post("/api/micro-tasks", MicroTaskStoryTests.Task(VolunteerBodies.Team))).ShouldHaveStatus(Created).Id,
            await street.RegisterSelf());

    private static async Task<(Guid, Guid)> CompletedMicroTask(Street street)
    {
        var (task, volunteer) = await ClaimedMicroTask(street);
        (await street.Leader().Post($"/api/micro-tasks/{task}/complete",
            new { report = "已完成", participants = new[] { new { volunteerId = volunteer, hours = 2m } } })).ShouldHaveStatus(OK);
        return (task, volunteer);
    }

    private static async Task<(Guid, Guid)> Venture(Street street) =>
        ((await street.Leader().Post("/api/ventures", VentureAndListTests.Venture())).ShouldHaveStatus(Created).Id, Guid.Empty);

    private static async Task<(Guid, Guid)> ApprovedVenture(Street street)
    {
        var (venture, _) = await Venture(street);
        (await street.Host.Post($"/api/ventures/{venture}/approve", new { })).ShouldHaveStatus(OK);
        return (venture, Guid.Empty);
    }

    private static async Task<(Guid, Guid)> NeedAndResource(Street street) =>
        ((await street.Reporter.Post("/api/needs", new { category = "医疗", community = "明光社区", description = "测血压" })).ShouldHaveStatus(Created).Id,
            (await street.Host.Post("/api/resources", new { provider = "现代妇产医院", category = "医疗", description = "义诊" })).ShouldHaveStatus(Created).Id);
}
