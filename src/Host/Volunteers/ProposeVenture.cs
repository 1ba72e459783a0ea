using IssueTracker.Domain.Volunteers;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ProposeVentureEndpoint
{
    public sealed record ProposingTeam(bool Exists);

    public static async Task<ProposingTeam> LoadAsync(ProposeVenture command, IQuerySession session, CancellationToken ct) =>
        new(await VolunteerTeams.ExistsAsync(session, command.TeamId, ct));

    /// <summary>A team proposes a small public-benefit venture (微创投) with a budget.</summary>
    [WolverinePost("/api/ventures"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Created<CommandAccepted>, ProblemHttpResult>, IMartenOp) Post(
        ProposeVenture command, ProposingTeam team, ClaimsPrincipal user, TimeProvider clock, HttpRequest request)
        => Venture.Propose(command, team.Exists, user.ToActor(), clock.GetUtcNow()).StartStream<Venture>("/api/ventures", request);
}
