using System.Text;
using System.Text.Json;
using IssueTracker.Domain.Shared;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IssueTracker.Host.Infrastructure;

public sealed class AuthOptions
{
    public string? SigningKey { get; set; }
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    /// <summary>An OIDC provider's authority; when set, its signing keys are used instead of SigningKey.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the provider's metadata must come over HTTPS; off is refused outside Development.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Which of the token's claims carry the role, street and organisation (providers name them differently).</summary>
    public ClaimNames Claims { get; set; } = new();

    public bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority);
    public bool HasSigningKey => !string.IsNullOrEmpty(SigningKey);

    public SymmetricSecurityKey DevKey()
    {
        if (SigningKey is not { Length: >= 32 })
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 characters (or set Auth:Authority).");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }
}

public sealed class ClaimNames
{
    public string Role { get; set; } = Claims.Role;
    public string Street { get; set; } = Claims.Street;
    public string Org { get; set; } = Claims.Org;
}

public static class Claims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Org = "org";
    public const string Street = "street";

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(Subject) ?? "",
        user.FindFirstValue(Name) ?? user.FindFirstValue(Subject) ?? "",
        user.FindFirstValue(Role) ?? "",
        user.FindFirstValue(Org));

    public static bool SeesPrivateData(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Host) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Auditor);
}

/// <summary>Role sets for [Authorize(Roles = ...)], as the "who" column of the contract.</summary>
public static class Who
{
    public const string Hosts = "host,admin";
    public const string Reporters = "reporter,host,admin";
    public const string Assignees = "assignee";
    public const string Auditors = "auditor,host,admin";
    public const string AuditorsOnly = "auditor";
}

public static class AuthSetup
{
    public static void AddIssueTrackerAuth(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(auth);
        UnsafeConfigurationGuard.RefuseToServe(auth, builder.Environment);
        Boards.StreamTicket.AddStorage(builder.Services);
        // Its request lines carry the whole URL, query included: a stream ticket (or a token someone put there) would
        // land in the logs at every level.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Authority = auth.UsesAuthority ? auth.Authority : null;
                options.Audience = auth.Audience;
                options.RequireHttpsMetadata = auth.RequireHttpsMetadata ?? !builder.Environment.IsDevelopment();
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = Claims.Name,
                    RoleClaimType = Claims.Role,
                    // With an authority, the issuer is the one its discovery document names.
                    ValidateIssuer = auth.UsesAuthority || auth.Issuer is not null,
                    ValidIssuer = auth.UsesAuthority ? null : auth.Issuer,
                    ValidateAudience = auth.Audience is not null,
                    ValidAudience = auth.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = auth.UsesAuthority || !auth.HasSigningKey ? null : auth.DevKey()
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        var (identity, rejection) = TokenIdentity.Read(context.Principal!, auth.Claims);
                        if (identity is null) context.Fail(new TokenRejectedException(rejection!));
                        else context.Principal = identity;
                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await Problems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Sign-in required",
                            Explain(context.AuthenticateFailure)).ExecuteAsync(context.HttpContext);
                    }
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build());
    }

    private static string Explain(Exception? failure) => failure switch
    {
        null => "A bearer token is required.",
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature is not valid.",
        SecurityTokenInvalidAudienceException => "The token is for another audience.",
        SecurityTokenInvalidIssuerException => "The token comes from an unknown issuer.",
        TokenRejectedException => failure.Message,
        _ => "The token is not valid."
    };
}

/// <summary>Development tokens signed with Auth:SigningKey (the token CLI command and the tests use it).</summary>
public static class DevTokens
{
    public static string Create(AuthOptions auth, string subject, string name, string role, string street,
        string? org = null, TimeSpan? lifetime = null, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [Claims.Subject] = subject, [Claims.Name] = name, [Claims.Role] = role, [Claims.Street] = street
        };
        if (org is not null) claims[Claims.Org] = org;

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(auth.DevKey(), SecurityAlgorithms.HmacSha256)
        });
    }
}
