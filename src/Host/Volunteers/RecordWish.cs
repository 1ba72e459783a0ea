using System.Security.Claims;
using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wolverine.Http;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class RecordWishEndpoint
{
    /// <summary>A grid worker or a host records a resident's small wish (微心愿); the resident stays private.</summary>
    [WolverinePost("/api/wishes"), Authorize(Roles = Who.Reporters)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        RecordWish command, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Wish.Record(command, user.ToActor(), clock.GetUtcNow()).StartStream<Wish>("/api/wishes", request);
}
