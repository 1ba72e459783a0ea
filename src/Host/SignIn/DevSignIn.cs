using System.Text.RegularExpressions;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Host.SignIn;

public sealed record DevTokenRequest(string? Sub, string? Street);

public sealed record DevToken(string Token);

/// <summary>
/// Signing in as one of the demo street's people, in Development only and only with a signing key: in any other
/// environment the routes do not exist (404), so no deployment can mint tokens through them.
/// </summary>
public static partial class DevSignIn
{
    public const string PeopleRoute = "/api/dev/people";
    public const string TokenRoute = "/api/dev/token";

    public static bool IsEnabled(IHostEnvironment env, IConfiguration config) =>
        env.IsDevelopment() && !string.IsNullOrEmpty(config["Auth:SigningKey"]);

    public static void MapDevSignIn(this WebApplication app)
    {
        if (!IsEnabled(app.Environment, app.Configuration)) return;
        app.MapGet(PeopleRoute, (string? street) => IsStreet(street ?? Streets.Default)
                ? Results.Ok(DevPeople.All)
                : Invalid("street", "Not a street id."))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(TokenRoute, Token).AllowAnonymous().ExcludeFromDescription();
    }

    private static Results<Ok<DevToken>, ProblemHttpResult> Token(DevTokenRequest request, AuthOptions auth)
    {
        var street = request.Street ?? Streets.Default;
        if (!IsStreet(street)) return Invalid("street", "Not a street id.");
        if (DevPeople.Find(request.Sub) is not { } person)
            return Invalid("sub", "Not one of the demo people.");
        return TypedResults.Ok(new DevToken(
            DevTokens.Create(auth, person.Sub, person.Name, person.Role, street, person.Org, TimeSpan.FromHours(12))));
    }

    private static ProblemHttpResult Invalid(string field, string message) =>
        Problems.For(new Validation().Add(field, message).ToRejection());

    private static bool IsStreet(string street) => StreetId().IsMatch(street);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex StreetId();
}
