using IssueTracker.Domain.Volunteers;
using JasperFx.Events;

namespace IssueTracker.Host.Volunteers;

public static class Credits
{
    /// <summary>Appends a confirmation to its own stream and each credit to its volunteer's stream, in the one session.</summary>
    public static async Task<IResult> AppendAsync<T>(this Credit credit, IEventStream<T> subject, int version,
        IDocumentSession session, CancellationToken ct) where T : class
    {
        if (credit.Rejection is { } rejection) return Problems.For(rejection);
        foreach (var (volunteerId, @event) in credit.ForVolunteers)
        {
            var volunteer = await session.Events.FetchForWriting<Volunteer>(volunteerId, ct);
            if (volunteer.Aggregate is null) return Problems.NotFound("volunteer");
            volunteer.AppendOne(@event);
        }
        subject.AppendMany(credit.ForSubject.Events);
        return TypedResults.Ok(new CommandAccepted(subject.Id, version + credit.ForSubject.Events.Count));
    }

    /// <summary>The volunteers a command names, as their write models (unknown ids are left out).</summary>
    public static async Task<IReadOnlyList<Volunteer>> LoadVolunteersAsync(IQuerySession session, IEnumerable<Guid> ids,
        CancellationToken ct)
    {
        var found = new List<Volunteer>();
        foreach (var id in ids.Distinct().Take(MicroTask.MaxParticipants))
            if (id != Guid.Empty && await session.Events.AggregateStreamAsync<Volunteer>(id, token: ct) is { } volunteer) found.Add(volunteer);
        return found;
    }
}
