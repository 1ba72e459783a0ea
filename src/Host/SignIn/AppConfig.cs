namespace IssueTracker.Host.SignIn;

/// <summary>
/// What the browser app needs to sign in: a provider (code + PKCE) or, in Development, the people page; and the
/// names of the claims that carry the role, street and organisation in that provider's tokens (Auth:Claims:*).
/// </summary>
public sealed record AppConfig(string? Authority, string? ClientId, string Scopes, bool DevSignIn, ClaimNames Claims);

public static class AppConfigEndpoint
{
    public const string Route = "/app/config.json";

    public static void MapAppConfig(this WebApplication app)
    {
        var config = app.Configuration;
        var auth = app.Services.GetRequiredService<AuthOptions>();
        app.MapGet(Route, () => TypedResults.Ok(new AppConfig(
                config["Auth:Authority"], config["Auth:ClientId"],
                config["Auth:Scopes"] ?? "openid profile offline_access",
                DevSignIn.IsEnabled(app.Environment, config), auth.Claims)))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
