using IssueTracker.Domain.Volunteers;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace IssueTracker.Host.Volunteers;

public static class CompleteMicroTaskEndpoint
{
    public sealed record Participants(IReadOnlyList<Volunteer> Found);

    public static async Task<Participants> LoadAsync(CompleteMicroTask command, IQuerySession session, CancellationToken ct) =>
        new(await Credits.LoadVolunteersAsync(session, (command.Participants ?? []).Where(p => p is not null).Select(p => p.VolunteerId), ct));

    /// <summary>The team reports the task done, naming the volunteers who took part and their hours.</summary>
    [WolverinePost("/api/micro-tasks/{microTaskId}/complete"), Authorize(Roles = VolunteerWho.Leaders)]
    public static (Results<Ok<CommandAccepted>, ProblemHttpResult>, Events) Post(
        CompleteMicroTask command, [Aggregate] MicroTask microTask, Participants participants, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request)
        => microTask.Complete(command, participants.Found, user.ToActor(), clock.GetUtcNow()).Respond(microTask.Id, microTask.Version, request);
}
