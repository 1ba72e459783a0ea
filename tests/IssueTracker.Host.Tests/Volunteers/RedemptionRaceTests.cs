using System.Net;

namespace IssueTracker.Host.Tests.Volunteers;

[Collection(AppCollection.Name)]
public class RedemptionRaceTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    [Fact]
    public async Task A_redemption_spends_points_and_stock_in_one_transaction()
    {
        var volunteer = await _street.RegisterSelf(hours: 5);
        var reward = await _street.OfferReward(cost: 30, stock: 1);

        var redeemed = (await _street.Volunteer().Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        (redeemed.Id, redeemed.Version).ShouldBe((volunteer, 4));

        (await _street.Volunteer().Get($"/api/volunteers/{volunteer}")).Body.GetProperty("points").GetInt32().ShouldBe(20);
        (await _street.Volunteer().Get($"/api/rewards/{reward}")).Body.GetProperty("stock").GetInt32().ShouldBe(0);
        (await _street.Host.Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }))
            .ShouldHaveStatus(HttpStatusCode.Conflict).ProblemType.ShouldBe("urn:issuetracker:problem:out-of-stock");
        (await _street.Volunteer("vol-zhou").Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }))
            .ShouldHaveStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_redemption_sent_again_with_its_idempotency_key_is_answered_once_and_spends_once()
    {
        var volunteer = await _street.RegisterSelf(hours: 10);
        var reward = await _street.OfferReward(cost: 30, stock: 5);
        var key = ("Idempotency-Key", "redeem-" + Guid.NewGuid());

        var first = (await _street.Volunteer().Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }, key))
            .ShouldHaveStatus(HttpStatusCode.OK);
        var again = (await _street.Volunteer().Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer }, key))
            .ShouldHaveStatus(HttpStatusCode.OK);

        again.Version.ShouldBe(first.Version);
        again.Response.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        (await _street.Host.Get($"/api/rewards/{reward}")).Body.GetProperty("stock").GetInt32().ShouldBe(4);
        var registration = ("Idempotency-Key", "register-" + Guid.NewGuid());
        var registered = (await _street.Volunteer("vol-new").Post("/api/volunteers", VolunteerBodies.Registration(), registration))
            .ShouldHaveStatus(HttpStatusCode.Created);
        (await _street.Volunteer("vol-new").Post("/api/volunteers", VolunteerBodies.Registration(), registration))
            .ShouldHaveStatus(HttpStatusCode.Created).Id.ShouldBe(registered.Id);
    }

    [Fact]
    public async Task Twenty_racing_redemptions_of_a_volunteer_who_can_afford_three_give_exactly_three()
    {
        var volunteer = await _street.RegisterSelf(hours: 9.5m); // 95 points: three at 30
        var reward = await _street.OfferReward(cost: 30, stock: 5);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _street.Volunteer().Post($"/api/rewards/{reward}/redemptions", new { volunteerId = volunteer })));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(3, string.Join("\n", answers.Select(a => a.ToString())));
        answers.Where(a => a.Status != HttpStatusCode.OK)
            .ShouldAllBe(a => a.Status == HttpStatusCode.Conflict && a.ProblemType == "urn:issuetracker:problem:insufficient-points");
        (await _street.Host.Get($"/api/volunteers/{volunteer}")).Body.GetProperty("points").GetInt32().ShouldBe(5);
        (await _street.Host.Get($"/api/rewards/{reward}")).Body.GetProperty("stock").GetInt32().ShouldBe(2);
        (await _street.EventsOf(volunteer)).Count(e => e.EventTypeName == "points_redeemed").ShouldBe(3);
        (await _street.EventsOf(reward)).Count(e => e.EventTypeName == "reward_handed_out").ShouldBe(3);
        await _street.Verify();
    }

    [Fact]
    public async Task Twenty_volunteers_racing_for_the_last_two_of_a_reward_leave_the_stock_at_zero()
    {
        var volunteers = new List<(string Sub, Guid Id)>();
        foreach (var n in Enumerable.Range(0, 20))
            volunteers.Add(($"vol-{n}", await _street.RegisterSelf($"vol-{n}", hours: 3)));
        var reward = await _street.OfferReward(cost: 30, stock: 2);

        var answers = await Task.WhenAll(volunteers.Select(v =>
            _street.Volunteer(v.Sub).Post($"/api/rewards/{reward}/redemptions", new { volunteerId = v.Id })));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(2, string.Join("\n", answers.Select(a => a.ToString())));
        answers.Where(a => a.Status != HttpStatusCode.OK)
            .ShouldAllBe(a => a.Status == HttpStatusCode.Conflict && a.ProblemType == "urn:issuetracker:problem:out-of-stock");
        (await _street.Host.Get($"/api/rewards/{reward}")).Body.GetProperty("stock").GetInt32().ShouldBe(0);
        var points = await Task.WhenAll(volunteers.Select(async v =>
            (await _street.Host.Get($"/api/volunteers/{v.Id}")).Body.GetProperty("points").GetInt32()));
        points.Order().ShouldBe([.. Enumerable.Repeat(0, 2), .. Enumerable.Repeat(30, 18)]);
        await _street.Verify();
    }
}
