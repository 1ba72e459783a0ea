using System.Security.Claims;
using IssueTracker.Domain.Organisations;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Reliability;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;

namespace IssueTracker.Host.Organisations;

/// <summary>The answer to a directory change: the entry's id (its slug) and its new version.</summary>
public sealed record OrganisationAccepted(string Id, int Version);

public static class RegisterOrganisationEndpoint
{
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
        Idempotency.Remember(request.HttpContext, StatusCodes.Status201Created, accepted, location);
        return TypedResults.Created(location, accepted);
    }
}
