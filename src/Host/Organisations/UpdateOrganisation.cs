using IssueTracker.Domain.Organisations;

namespace IssueTracker.Host.Organisations;

public static class UpdateOrganisationEndpoint
{
    public static UpdateOrganisation Example => new(null, "红色物业（明光小区项目部）", OrganisationKind.PropertyCompany,
        new Contact("张经理", "0551-6421 0001", "hongse-wuye@example.cn"), true,
        new Notify("paidan@hongse-wuye.example.cn", "https://hongse-wuye.example.cn/hooks/issuetracker",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null));

    /// <summary>Replaces the whole entry: rename, new contact, deactivate (<c>active: false</c>) or reactivate.</summary>
    [ApiOperation("Replace a directory entry", "修改责任单位",
        Description = "Replaces the whole entry: rename, new contact, deactivate (active: false) or reactivate. The id cannot change.",
        ChineseDescription = "整体替换名录条目：改名、更换联系人、停用（active: false）或重新启用；编号不可更改。")]
    [WolverinePut("/api/organisations/{organisationId}"), Authorize(Roles = Who.Hosts)]
    public static async Task<Results<Ok<OrganisationAccepted>, ProblemHttpResult>> Put(
        string organisationId, UpdateOrganisation command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        HttpRequest request, CancellationToken ct)
    {
        if (!OrganisationIds.IsSlug(organisationId)) return Problems.NotFound("organisation");
        var stream = await session.Events.FetchForWriting<Organisation>(OrganisationIds.StreamId(session.TenantId, organisationId), ct);
        if (stream.Aggregate is not { } organisation) return Problems.NotFound("organisation");
        if (request.IfMatchFails(organisation.Version) is { } stale) return stale;

        var decision = organisation.Update(command, user.ToActor(), clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return Problems.For(rejection);
        stream.AppendMany([.. decision.Events]);
        var accepted = new OrganisationAccepted(organisationId, organisation.Version + decision.Events.Count);
        return TypedResults.Ok(accepted);
    }
}
