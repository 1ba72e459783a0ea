using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class ClaimMicroTaskEndpoint
{
    public sealed record ClaimingTeam(bool Exists);

    public static async Task<ClaimingTeam> LoadAsync(ClaimMicroTask command, IQuerySession session, CancellationToken ct) =>
        new(await VolunteerTeams.ExistsAsync(session, command.TeamId, ct));

    [WolverinePost("/api/micro-tasks/{microTaskId}/claim"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        ClaimMicroTask command, [Aggregate] MicroTask microTask, ClaimingTeam team, ClaimsPrincipal user, TimeProvider clock,
        HttpRequest request)
        => microTask.Claim(command, team.Exists, user.ToActor(), clock.GetUtcNow()).Respond(microTask.Id, microTask.Version, request);
}
