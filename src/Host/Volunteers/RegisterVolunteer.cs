using IssueTracker.Domain.Volunteers;
using IssueTracker.Host.Reliability;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public static class RegisterVolunteerEndpoint
{
    public const string Route = "/api/volunteers";

    /// <summary>A host registers anyone; a volunteer registers themself, once (their stream id is their account's).</summary>
    [WolverinePost(Route), Authorize(Roles = VolunteerWho.Registrars)]
    [ProducesResponseType<CommandAccepted>(StatusCodes.Status201Created)]
    public static async Task<IResult> Post(RegisterVolunteer command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        var by = user.ToActor();
        var decision = Volunteer.Register(command, by, clock.GetUtcNow());
        if (decision.Rejection is { } rejection) return Problems.For(rejection);

        var self = by.Role == VolunteerRoles.Volunteer;
        var id = self ? VolunteerIds.ForAccount(user.Street(), by.Id) : Guid.CreateVersion7();
        if (self && await session.Events.FetchStreamStateAsync(id, ct) is not null) return AlreadyRegistered(id);

        var location = $"{Route}/{id}";
        var accepted = new CommandAccepted(id, decision.Events.Count);
        var answer = TypedResults.Created(location, accepted);
        session.Events.StartStream<Volunteer>(id, [.. decision.Events]);
        IdempotentAnswers.Store((Results<Created<CommandAccepted>, ProblemHttpResult>)answer, request.HttpContext, session, clock);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            session.EjectAllPendingChanges();
            return AlreadyRegistered(id);
        }
        return answer;
    }

    private static IResult AlreadyRegistered(Guid id) => Problems.Problem(StatusCodes.Status409Conflict, "already-registered",
        "Already registered", $"You are already registered as volunteer {id}.");
}
