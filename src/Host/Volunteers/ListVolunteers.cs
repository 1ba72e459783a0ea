using IssueTracker.Projections.Volunteers;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Volunteers;

public sealed record VolunteerList(IReadOnlyList<VolunteerProfile> Items);

public static class ListVolunteersEndpoint
{
    /// <summary>
    /// A team's roster (the volunteers a leader names when a task or wish is done), or the street's volunteers by name;
    /// names and contacts as for one volunteer.
    /// </summary>
    [WolverineGet("/api/volunteers")]
    [ProducesResponseType<VolunteerList>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(string? team, IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = session.Query<VolunteerProfile>().AsQueryable();
        if (!string.IsNullOrEmpty(team)) query = query.Where(v => v.Teams.Contains(team));
        var volunteers = await query.OrderBy(v => v.RegisteredAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(new VolunteerList(volunteers.Select(v => user.SeesPrivateDataOf(v) ? v : v.WithoutPrivateData()).ToList()));
    }
}
