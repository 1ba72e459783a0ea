using IssueTracker.Domain.Organisations;

namespace IssueTracker.Host.Organisations;

/// <summary>The answer to a directory change: the entry's id (its slug) and its new version.</summary>
public sealed record OrganisationAccepted(string Id, int Version) : IAcceptedAnswer;

public static class RegisterOrganisationEndpoint
{
    public static RegisterOrganisation Example => new("hongse-wuye", "红色物业", OrganisationKind.PropertyCompany,
        new Contact("张经理", "0551-6421 0001", null), true);

    [ApiOperation("Add an organisation to the directory", "新增责任单位",
        Description = "The id is a slug (a-z, 0-9, '-'); work can be assigned only to active entries of the street's directory.",
        ChineseDescription = "编号为小写字母、数字和连字符；只能交办给本街道名录中在用的单位。")]
    [WolverinePost("/api/organisations"), Authorize(Roles = Who.Hosts)]
    public static async Task<Results<Created<OrganisationAccepted>, ProblemHttpResult>> Post(
        RegisterOrganisation command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpRequest request,
        CancellationToken ct)
    {
        var exists = await OrganisationDirectory.FindAsync(session, command.Id, ct) is not null;
        var decision = Organisation.Register(command, exists, user.ToActor(), clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return Problems.For(rejection);

        session.Events.StartStream<Organisation>(OrganisationIds.StreamId(session.TenantId, command.Id!), [.. decision.Events]);
        var location = $"/api/organisations/{command.Id}";
        var accepted = new OrganisationAccepted(command.Id!, decision.Events.Count);
        return TypedResults.Created(location, accepted);
    }
}
