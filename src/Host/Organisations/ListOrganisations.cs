using IssueTracker.Domain.Organisations;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.OrganisationDirectory;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Organisations;

/// <summary>
/// A directory entry as the API shows it: <c>id</c> is the slug; <c>contact</c> only for hosts, admins and auditors;
/// <c>notify</c> (webhook URLs and secrets) only for hosts and admins.
/// </summary>
public sealed record OrganisationView(string Id, string Name, OrganisationKind Kind, Contact? Contact, bool Active, int Version,
    Notify? Notify = null)
{
    public static OrganisationView From(DirectoryEntry e, ClaimsPrincipal user) =>
        new(e.Slug, e.Name, e.Kind, user.SeesPrivateData() ? e.Contact : null, e.Active, e.Version,
            user.IsInRole(Roles.Host) || user.IsInRole(Roles.Admin) ? e.Notify : null);
}

public sealed record OrganisationList(IReadOnlyList<OrganisationView> Items);

public static class ListOrganisationsEndpoint
{
    [ApiOperation("The street's directory of organisations", "责任单位名录",
        Description = "Contacts only for hosts, admins and auditors; notification channels (notify) only for hosts and admins.",
        ChineseDescription = "联系方式仅对主持人、管理员和审计员可见；通知渠道（notify）仅对主持人和管理员可见。")]
    [WolverineGet("/api/organisations")]
    [ProducesResponseType<OrganisationList>(StatusCodes.Status200OK)]
    public static async Task<OrganisationList> Get(IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var entries = await session.Query<DirectoryEntry>().OrderBy(x => x.Slug).ToListAsync(ct);
        return new OrganisationList(entries.Select(e => OrganisationView.From(e, user)).ToList());
    }
}

public static class GetOrganisationEndpoint
{
    [ApiOperation("One directory entry (ETag = version)", "责任单位详情",
        Description = "Contacts only for hosts, admins and auditors; notification channels (notify) only for hosts and admins.",
        ChineseDescription = "联系方式仅对主持人、管理员和审计员可见；通知渠道（notify）仅对主持人和管理员可见。")]
    [WolverineGet("/api/organisations/{organisationId}")]
    [ProducesResponseType<OrganisationView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string organisationId, IQuerySession session, ClaimsPrincipal user, HttpResponse response,
        CancellationToken ct)
    {
        if (await OrganisationDirectory.FindAsync(session, organisationId, ct) is not { } entry) return Problems.NotFound("organisation");
        response.SetETag(entry.Version);
        return TypedResults.Ok(OrganisationView.From(entry, user));
    }
}
