using System.Net;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IssueTracker.Host.Tests.Infrastructure;

/// <summary>A token names exactly one user, one role from the closed list and one canonical street, or it is 401.</summary>
[Collection(AppCollection.Name)]
public class StrictTokenTests(AppFixture app)
{
    private readonly Street _street = app.NewStreet();

    private Client With(Dictionary<string, object> claims) => new(app, new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = claims,
        Issuer = app.Auth.Issuer,
        Audience = app.Auth.Audience,
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(app.Auth.DevKey(), SecurityAlgorithms.HmacSha256)
    }));

    private Dictionary<string, object> Claims(object role, string? sub = "host-li", string? street = null)
    {
        var claims = new Dictionary<string, object> { ["name"] = "李主任", ["role"] = role, ["street"] = street ?? _street.Id };
        if (sub is not null) claims["sub"] = sub;
        return claims;
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "no-sub", "'sub'" },
        { "empty-sub", "'sub'" },
        { "two-roles", "several roles" },
        { "unknown-role", "not one of" },
        { "no-role", "'role'" },
        { "padded-street", "street id" },
        { "upper-case-street", "street id" },
        { "street-array", "'street'" }
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_that_does_not_name_one_user_role_and_street_is_401_saying_why(string variant, string why)
    {
        var claims = variant switch
        {
            "no-sub" => Claims("host", sub: null),
            "empty-sub" => Claims("host", sub: ""),
            "two-roles" => Claims(new[] { "viewer", "host" }),
            "unknown-role" => Claims("superuser"),
            "no-role" => Claims(Array.Empty<string>()),
            "padded-street" => Claims("host", street: $" {_street.Id} "),
            "upper-case-street" => Claims("host", street: _street.Id.ToUpperInvariant()),
            "street-array" => new Dictionary<string, object>(Claims("host")) { ["street"] = new[] { _street.Id, "other" } },
            _ => throw new ArgumentOutOfRangeException(nameof(variant))
        };

        var read = await With(claims).Get("/api/issues");
        var write = await With(claims).Post("/api/issues", Bodies.ParkingLock());

        read.ShouldHaveStatus(HttpStatusCode.Unauthorized);
        read.Text("detail").ShouldContain(why);
        write.ShouldHaveStatus(HttpStatusCode.Unauthorized);
        (await _street.Host.Get("/api/issues")).Body.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_role_array_of_one_is_that_role_everywhere()
    {
        var host = With(Claims(new[] { "host" }));

        var id = (await host.Post("/api/issues", Bodies.ParkingLock())).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await host.Post($"/api/issues/{id}/close", new { reason = "已处理" })).ShouldHaveStatus(HttpStatusCode.OK);

        var events = await _street.EventsOf(id);
        events.Select(e => ((IAuthoredEvent)e.Data).By).ShouldAllBe(a => a.Role == Roles.Host && a.Id == "host-li");
    }

    [Fact]
    public async Task The_closed_list_holds_every_role_the_service_knows()
    {
        foreach (var role in new[] { "host", "reporter", "assignee", "auditor", "admin", "viewer", "volunteer", "teamLeader" })
            (await With(Claims(role)).Get("/api/boards/overdue")).ShouldHaveStatus(HttpStatusCode.OK);
    }
}
