using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class JoinTeamEndpoint
{
    public sealed record KnownTeam(bool Exists);

    public static async Task<KnownTeam> LoadAsync(JoinTeam command, IQuerySession session, CancellationToken ct) =>
        new(await VolunteerTeams.ExistsAsync(session, command.TeamId, ct));

    [WolverinePost("/api/volunteers/{volunteerId}/teams"), Authorize(Roles = VolunteerWho.Members)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        JoinTeam command, [Aggregate] Volunteer volunteer, KnownTeam team, ClaimsPrincipal user, TimeProvider clock,
        HttpRequest request)
        => volunteer.JoinTeam(command, team.Exists, user.ToActor(), clock.GetUtcNow()).Respond(volunteer.Id, volunteer.Version, request);
}
