using System.Net;
using IssueTracker.Host.Audit;

namespace IssueTracker.Host.Tests.Volunteers;

/// <summary>The volunteer service's actors and requests, with 明光路街道's teams.</summary>
public static class VolunteerBodies
{
    public const string Team = "hongli-classroom";
    public const string OtherTeam = "wuhuaping-sunshine";

    public static Client Volunteer(this Street street, string sub = "vol-wu", string name = "吴化平") => street.As("volunteer", sub, name);
    public static Client Leader(this Street street) => street.As("teamLeader", "lead-hong", "洪立周", Team);
    public static Client OtherLeader(this Street street) => street.As("teamLeader", "lead-wu", "吴化平", OtherTeam);

    public static object Registration(string name = "吴化平", string community = "全椒路社区") =>
        new { name, contact = "13900000000", skills = new[] { "理发", "陪伴老人" }, community };

    public static object Service(decimal hours = 2, string activity = "全椒路社区老年食堂送餐") =>
        new { activity, hours, servedOn = DateOnly.FromDateTime(DateTime.UtcNow) };

    /// <summary>A volunteer registered by the host, in <see cref="Team"/>.</summary>
    public static async Task<Guid> RegisterByHost(this Street street, string name = "周阿姨")
    {
        var id = (await street.Host.Post("/api/volunteers", Registration(name))).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await street.Host.Post($"/api/volunteers/{id}/teams", new { teamId = Team })).ShouldHaveStatus(HttpStatusCode.OK);
        return id;
    }

    /// <summary>A volunteer who registered themself (so that they may redeem as themself), in <see cref="Team"/>, with points.</summary>
    public static async Task<Guid> RegisterSelf(this Street street, string sub = "vol-wu", decimal hours = 0)
    {
        var id = (await street.Volunteer(sub).Post("/api/volunteers", Registration())).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await street.Volunteer(sub).Post($"/api/volunteers/{id}/teams", new { teamId = Team })).ShouldHaveStatus(HttpStatusCode.OK);
        if (hours > 0) await street.Credit(id, hours);
        return id;
    }

    public static async Task Credit(this Street street, Guid volunteer, decimal hours)
    {
        for (var left = hours; left > 0; left -= Math.Min(left, 12))
            (await street.Host.Post($"/api/volunteers/{volunteer}/service-records", Service(Math.Min(left, 12))))
                .ShouldHaveStatus(HttpStatusCode.OK);
    }

    public static async Task<Guid> OfferReward(this Street street, int cost = 30, int stock = 5, string name = "爱心理发券") =>
        (await street.Host.Post("/api/rewards", new { name, cost, stock })).ShouldHaveStatus(HttpStatusCode.Created).Id;

    public static async Task<StoreVerificationSummary> Verify(this Street street)
    {
        var summary = await StoreVerification.RunAsync(street.App.Store, street.Id, TextWriter.Null, CancellationToken.None);
        summary.Broken.ShouldBeEmpty();
        return summary;
    }
}
