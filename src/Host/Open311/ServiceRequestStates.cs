using IssueTracker.Domain.Issues;
using JasperFx.Events;

namespace IssueTracker.Host.Open311;

/// <summary>
/// How the issue lifecycle reads in Open311: the spec's open/closed for a request, and the extended states of
/// mySociety's servicerequestupdates (the ones FixMyStreet's Open311 client maps) for each lifecycle event.
/// </summary>
public static class ServiceRequestStates
{
    public static readonly IssueStatus[] ClosedStatuses =
        [IssueStatus.Resolved, IssueStatus.Confirmed, IssueStatus.Closed, IssueStatus.Withdrawn, IssueStatus.Duplicate];

    public static string Of(IssueStatus status) => ClosedStatuses.Contains(status) ? "closed" : "open";

    /// <summary>The extended state and the text an event shows as an update; null for events that are not one.</summary>
    public static (string Status, string Description)? Update(object @event) => @event switch
    {
        IssuePlacedOnAgenda e => ("investigating", $"已列入议事会议程：{e.MeetingTitle}"),
        IssueDiscussed e => ("investigating", e.Decision),
        IssueAssigned e => ("action_scheduled", e.Note is { Length: > 0 } note ? note : $"已交办：{e.Assignee}"),
        AssignmentAcknowledged e => ("in_progress", e.Note is { Length: > 0 } note ? note : "责任单位已签收。"),
        AssignmentDeclined e => ("open", e.Reason),
        ProgressReported e => ("in_progress", e.Note),
        IssueResolved e => ("fixed", e.Resolution),
        ResolutionConfirmed { Satisfaction: Satisfaction.Unsatisfied } e => ("open", e.Comment ?? "居民回访不满意，重新办理。"),
        ResolutionConfirmed e => ("closed", e.Comment ?? "居民回访确认。"),
        IssueReopened e => ("open", e.Reason),
        IssueClosed { Outcome: CloseOutcome.NoAction } e => ("no_further_action", e.Reason ?? "议事会决定不予处理。"),
        IssueClosed { Outcome: CloseOutcome.Referred } e => ("not_councils_responsibility", $"已转交：{e.ReferredTo}。{e.Reason}"),
        IssueClosed e => ("closed", e.Reason ?? "已结案。"),
        IssueWithdrawn e => ("closed", e.Reason ?? "已撤回。"),
        IssueMarkedDuplicate e => ("duplicate", $"与问题 {e.Of} 重复。"),
        _ => null
    };

    /// <summary>
    /// The updates among a street's events, oldest first. A comment changes no state: it reports the one its request is
    /// in, the state of the update before it (<paramref name="statesBefore"/> for updates older than the events; open
    /// before any).
    /// </summary>
    public static IEnumerable<(IEvent Event, string Status, string Description)> Updates(
        IEnumerable<IEvent> events, IReadOnlyDictionary<Guid, string> statesBefore)
    {
        var states = new Dictionary<Guid, string>(statesBefore);
        foreach (var e in events)
        {
            if (e.Data is CommentAdded comment) yield return (e, states.GetValueOrDefault(e.StreamId, "open"), comment.Text);
            else if (Update(e.Data) is { } update)
            {
                states[e.StreamId] = update.Status;
                yield return (e, update.Status, update.Description);
            }
        }
    }

    public static readonly Type[] StateEvents =
    [
        typeof(IssuePlacedOnAgenda), typeof(IssueDiscussed), typeof(IssueAssigned), typeof(AssignmentAcknowledged),
        typeof(AssignmentDeclined), typeof(ProgressReported), typeof(IssueResolved), typeof(ResolutionConfirmed),
        typeof(IssueReopened), typeof(IssueClosed), typeof(IssueWithdrawn), typeof(IssueMarkedDuplicate)
    ];

    public static readonly Type[] UpdateEvents = [.. StateEvents, typeof(CommentAdded)];

    /// <summary>The extended states a client may send with an update (FixMyStreet sends them upper-case).</summary>
    public static readonly string[] Incoming =
    [
        "open", "reopen", "closed", "fixed", "in_progress", "action_scheduled", "investigating", "duplicate",
        "not_councils_responsibility", "no_further_action", "internal_referral", "for_triage", "cancelled"
    ];
}
