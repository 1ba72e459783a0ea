using System.Globalization;
using IssueTracker.Domain.Shared;
using IssueTracker.Host.Organisations;
using IssueTracker.Projections.IssueDetails;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace IssueTracker.Host.Audit;

public static class GetStateAtEndpoint
{
    /// <summary>
    /// Replays the issue's events up to a version, or up to a moment. A moment is compared with each event's own time
    /// (At, from the application clock) — the same time the history shows and the hash chain covers.
    /// </summary>
    [ApiOperation("An issue's state at a version or a moment", "某版本或某时刻的问题状态")]
    [WolverineGet("/api/issues/{issueId}/state"), Authorize(Roles = Who.Auditors)]
    [ProducesResponseType<IssueDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid issueId, int? version, string? at, IQuerySession session, CancellationToken ct)
    {
        // A '+' offset that was not URL-encoded arrives as a space.
        DateTimeOffset moment = default;
        var validation = new Validation()
            .Check(version is null ^ at is null, "version", "Give either 'version' or 'at' (ISO-8601 with offset).")
            .Check(version is null or >= 1, "version", "'version' starts at 1.")
            .Check(at is null || DateTimeOffset.TryParse(at.Replace(' ', '+'), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out moment), "at", "'at' must be an ISO-8601 time.");
        if (!validation.IsValid) return Problems.For(validation.ToRejection());

        var events = await session.Events.FetchStreamAsync(issueId, token: ct);
        if (events.Count == 0) return Problems.NotFound("issue");
        if (version > events.Count)
            return Problems.For(new Validation().Add("version", $"The issue has only {events.Count} versions.").ToRejection());

        var replayed = version is { } v ? events.Take(v) : events.TakeWhile(e => TimeOf(e) <= moment);
        var projection = new IssueDetailsProjection();
        IssueDetails? details = null;
        foreach (var e in replayed) details = projection.Evolve(details, issueId, e);

        return details is null ? Problems.NotFound("issue at that time") : TypedResults.Ok(details.Served() with
        {
            AssigneeName = (await OrganisationDirectory.FindAsync(session, details.Assignee, ct))?.Name
        });
    }

    private static DateTimeOffset TimeOf(IEvent e) => e.Data is IAuthoredEvent authored ? authored.At : e.Timestamp;
}
