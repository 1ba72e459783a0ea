using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

/// <summary>The write model of a discussion meeting (党群议事会): only what the rules read.</summary>
public sealed partial record Meeting(Guid Id, string Title, MeetingStatus Status, IReadOnlyList<Guid> Agenda, IReadOnlyList<Guid> Decided)
{
    public int Version { get; init; }

    public static Meeting Create(Guid id, MeetingScheduled scheduled) => new(id, scheduled.Title, MeetingStatus.Scheduled, [], []);

    public static Meeting Evolve(Meeting state, object @event) => @event switch
    {
        AgendaItemAdded e => state with { Agenda = [.. state.Agenda, e.IssueId] },
        DecisionRecorded e => state with { Decided = [.. state.Decided, e.IssueId] },
        MeetingConcluded => state with { Status = MeetingStatus.Concluded },
        _ => state
    };

    public static Meeting? Replay(Guid id, IEnumerable<object> events)
    {
        Meeting? state = null;
        foreach (var e in events)
            state = state is null ? e is MeetingScheduled scheduled ? Create(id, scheduled) : null : Evolve(state, e);
        return state;
    }

    private bool IsConcluded => Status == MeetingStatus.Concluded;

    private static InvalidTransition AlreadyConcluded(string command) =>
        new(command, "concluded", "Nothing changes a concluded meeting.");
}

/// <summary>
/// A meeting step that also moves an issue: the events for each stream, accepted together or rejected together.
/// </summary>
public sealed record JointDecision(Decision ForMeeting, Decision ForIssue)
{
    public Rejection? Rejection => ForMeeting.Rejection ?? ForIssue.Rejection;

    public static JointDecision Accept(object meetingEvent, Decision forIssue) =>
        forIssue.Rejection is { } rejection ? rejection : new JointDecision(Decision.Accept(meetingEvent), forIssue);

    public static implicit operator JointDecision(Rejection rejection) =>
        new(Decision.Reject(rejection), Decision.Reject(rejection));
}
