using System.Net;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Hosting;

namespace IssueTracker.Host.Tests.Infrastructure;

/// <summary>A host configured with Auth:Authority: the provider's own claim names are mapped onto the one identity.</summary>
public sealed class OidcFixture : AppFixture
{
    public const string Audience = "issuetracker-api";
    public SigningProvider Provider { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Provider = await SigningProvider.Start();
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", "");
        builder.UseSetting("Auth:Issuer", "");
        builder.UseSetting("Auth:Authority", Provider.Issuer);
        builder.UseSetting("Auth:Audience", Audience);
        builder.UseSetting("Auth:Claims:Role", "roles");
        builder.UseSetting("Auth:Claims:Street", "tenant");
        builder.UseSetting("Auth:Claims:Org", "organisation");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public class OidcTokenTests(OidcFixture app) : IClassFixture<OidcFixture>
{
    private readonly string _street = "street-" + Guid.NewGuid().ToString("N")[..12];

    private Dictionary<string, object> Claims(string role, string? org = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "kc-8f2a", ["name"] = "物业小张", ["roles"] = new[] { role }, ["tenant"] = _street };
        if (org is not null) claims["organisation"] = org;
        return claims;
    }

    [Fact]
    public async Task A_providers_RS256_token_is_validated_and_its_claims_mapped()
    {
        var host = new Client(app, app.Provider.Token(Claims("host"), OidcFixture.Audience));
        var assignee = new Client(app, app.Provider.Token(Claims("assignee", "hongse-wuye"), OidcFixture.Audience));

        var id = (await host.Post("/api/issues", Bodies.ParkingLock())).ShouldHaveStatus(HttpStatusCode.Created).Id;
        (await host.Post($"/api/issues/{id}/assign", new { assignee = "hongse-wuye" })).ShouldHaveStatus(HttpStatusCode.OK);
        (await assignee.Post($"/api/issues/{id}/acknowledge", new { })).ShouldHaveStatus(HttpStatusCode.OK);

        await using var session = app.Store.LightweightSession(_street);
        var actors = (await session.Events.FetchStreamAsync(id)).Select(e => ((IAuthoredEvent)e.Data).By).ToList();
        actors[0].ShouldBe(new Actor("kc-8f2a", "物业小张", Roles.Host, null));
        actors[^1].ShouldBe(new Actor("kc-8f2a", "物业小张", Roles.Assignee, "hongse-wuye"));
    }

    [Fact]
    public async Task Another_audience_an_expired_token_a_streetless_one_and_a_development_key_are_401()
    {
        var streetless = Claims("host");
        streetless.Remove("tenant");
        var refused = new[]
        {
            app.Provider.Token(Claims("host"), "another-api"),
            app.Provider.Token(Claims("host"), OidcFixture.Audience, expires: DateTime.UtcNow.AddMinutes(-5)),
            app.Provider.Token(streetless, OidcFixture.Audience),
            IssueTracker.Host.Infrastructure.DevTokens.Create(
                new() { SigningKey = AppFixture.SigningKey, Issuer = app.Provider.Issuer, Audience = OidcFixture.Audience }, "x", "x", "host", _street)
        };

        foreach (var token in refused)
            (await new Client(app, token).Get("/api/issues")).ShouldHaveStatus(HttpStatusCode.Unauthorized);
        (await new Client(app, refused[2]).Get("/api/issues")).Text("detail").ShouldContain("'tenant'");
    }
}
