using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IssueTracker.Host.Tests.Infrastructure;

/// <summary>
/// An OpenID provider's token side, served on 127.0.0.1 by the test: a discovery document and its RS256 key set, as
/// the host reads them from Auth:Authority, and tokens signed with that key.
/// </summary>
public sealed class SigningProvider : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly WebApplication _app;

    private SigningProvider(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = "";
    private RsaSecurityKey Key => new(_rsa) { KeyId = "test-rs256" };

    public static async Task<SigningProvider> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var provider = new SigningProvider(builder.Build());
        provider._app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["jwks_uri"] = provider.Issuer + "/jwks",
            ["authorization_endpoint"] = provider.Issuer + "/auth",
            ["token_endpoint"] = provider.Issuer + "/token",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" }
        }));
        provider._app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(provider._rsa.ExportParameters(false)) { KeyId = "test-rs256" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        await provider._app.StartAsync();
        provider.Issuer = provider._app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return provider;
    }

    public string Token(Dictionary<string, object> claims, string audience, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddHours(1)) < now ? expires!.Value.AddMinutes(-10) : now,
            NotBefore = (expires ?? now.AddHours(1)) < now ? expires!.Value.AddMinutes(-10) : now,
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256)
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
