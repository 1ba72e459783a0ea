using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.IssueDetails;

namespace IssueTracker.Projections.Tests.Issues;

/// <summary>The one event → status rule (<see cref="IssueStatuses.After"/>) and the folds that use it.</summary>
public class IssueStatusRuleTests
{
    private static readonly DateTimeOffset Now = Story.Start;
    private static readonly Actor By = Story.Host;

    /// <summary>An event added later (a photo, a comment) that the rule does not know.</summary>
    private sealed record SomethingNew(Actor By, DateTimeOffset At) : IAuthoredEvent;

    public static TheoryData<string, object, IssueStatus> Moves() => new()
    {
        { "agenda", new IssuePlacedOnAgenda(Guid.NewGuid(), "议事会", By, Now), IssueStatus.OnAgenda },
        { "discussed", new IssueDiscussed(Guid.NewGuid(), "交物业", By, Now), IssueStatus.Discussed },
        { "assigned", new IssueAssigned("hongse-wuye", Now, null, By, Now), IssueStatus.Assigned },
        { "acknowledged", new AssignmentAcknowledged("hongse-wuye", null, By, Now), IssueStatus.Acknowledged },
        { "declined", new AssignmentDeclined("hongse-wuye", "不归我们管", By, Now), IssueStatus.Declined },
        { "progress", new ProgressReported("在办", By, Now), IssueStatus.InProgress },
        { "resolved", new IssueResolved("已拆除", By, Now), IssueStatus.Resolved },
        { "satisfied", new ResolutionConfirmed(Satisfaction.Satisfied, null, By, Now), IssueStatus.Confirmed },
        { "basically", new ResolutionConfirmed(Satisfaction.BasicallySatisfied, null, By, Now), IssueStatus.Confirmed },
        { "reopened", new IssueReopened("复发", 1, By, Now), IssueStatus.Reopened },
        { "closed", new IssueClosed(CloseOutcome.Closed, "结案", null, By, Now), IssueStatus.Closed },
        { "withdrawn", new IssueWithdrawn(null, By, Now), IssueStatus.Withdrawn },
        { "duplicate", new IssueMarkedDuplicate(Guid.NewGuid(), By, Now), IssueStatus.Duplicate }
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void An_event_that_moves_the_issue_leads_to_its_status(string name, object @event, IssueStatus after) =>
        IssueStatuses.After(IssueStatus.Raised, @event).ShouldBe(after, name);

    public static TheoryData<object> Stays() =>
    [
        new ResolutionConfirmed(Satisfaction.Unsatisfied, "不满意", By, Now),
        new AcknowledgementOverdue("hongse-wuye", Now, Actor.System, Now),
        new ResolutionOverdue("hongse-wuye", Now, Actor.System, Now),
        new IssueEscalated(EscalationLevel.StreetLeadership, EscalationReason.LongOverdue, "hongse-wuye", Actor.System, Now),
        new SomethingNew(By, Now)
    ];

    [Theory]
    [MemberData(nameof(Stays))]
    public void Any_other_event_leaves_the_status_as_it_was(object @event)
    {
        foreach (var status in Enum.GetValues<IssueStatus>())
            IssueStatuses.After(status, @event).ShouldBe(status);
    }

    [Fact]
    public void The_write_model_and_the_details_fold_the_same_status_after_every_event()
    {
        var id = Guid.NewGuid();
        var events = Story.Lifecycle(id);
        Issue? issue = null;
        IssueDetails.IssueDetails? details = null;
        var seen = new List<IssueStatus>();
        foreach (var e in events)
        {
            issue = issue is null ? Issue.Create(id, (IssueRaised)e) : Issue.Evolve(issue, e);
            details = IssueDetailsProjection.Apply(details, id, e);
            details!.Status.ShouldBe(issue.Status, e.GetType().Name);
            seen.Add(details.Status);
        }
        seen.ShouldBe([
            IssueStatus.Raised, IssueStatus.Assigned, IssueStatus.Acknowledged, IssueStatus.InProgress, IssueStatus.Resolved,
            IssueStatus.Resolved, IssueStatus.Reopened, IssueStatus.Acknowledged, IssueStatus.Closed
        ]);
    }

    [Fact]
    public void An_unknown_event_changes_nothing_on_the_details()
    {
        var id = Guid.NewGuid();
        var details = IssueDetailsProjection.Apply(null, id, Story.Raised(Now))!;

        IssueDetailsProjection.Apply(details, id, new SomethingNew(By, Now)).ShouldBe(details);
    }
}
