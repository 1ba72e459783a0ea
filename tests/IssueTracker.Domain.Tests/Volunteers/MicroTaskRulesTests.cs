using IssueTracker.Domain.Shared;
using IssueTracker.Domain.Volunteers;
using static IssueTracker.Domain.Tests.Volunteers.VolunteerSamples;

namespace IssueTracker.Domain.Tests.Volunteers;

public class MicroTaskRulesTests
{
    private static MicroTask Published(string? team = null)
    {
        var decision = MicroTask.Publish(new PublishMicroTask("楼道杂物清理", null, "明光社区", null, team), null, true, Host, Now);
        var task = MicroTask.Create(Guid.NewGuid(), (MicroTaskPublished)decision.Events[0]);
        return decision.Events.Skip(1).Aggregate(task, MicroTask.Evolve);
    }

    private static MicroTask Step(MicroTask task, Decision decision)
    {
        decision.IsAccepted.ShouldBeTrue(decision.Rejection?.Detail);
        return decision.Events.Aggregate(task, MicroTask.Evolve);
    }

    [Fact]
    public void Only_a_host_publishes_and_an_issue_gives_the_defaults()
    {
        var issue = Guid.NewGuid();
        MicroTask.Publish(new PublishMicroTask("清理", null, "明光社区", null, null), null, true, Leader, Now).Rejection.ShouldBeOfType<Forbidden>();
        var fromIssue = MicroTask.Publish(new PublishMicroTask(null, null, null, issue, Team), ("矿机二村老楼漏水", "明光社区"), true, Host, Now);
        var published = fromIssue.Events[0].ShouldBeOfType<MicroTaskPublished>();
        (published.Title, published.Community, published.IssueId).ShouldBe(("矿机二村老楼漏水", "明光社区", (Guid?)issue));
        fromIssue.Events[1].ShouldBeOfType<MicroTaskClaimed>().TeamId.ShouldBe(Team);
        FieldErrors(MicroTask.Publish(new PublishMicroTask(null, null, null, issue, null), null, true, Host, Now))
            .Keys.ShouldBe(["issueId", "title", "community"], ignoreOrder: true);
    }

    [Fact]
    public void A_team_claims_an_open_task_through_its_leader()
    {
        Published().Claim(new ClaimMicroTask(Team), true, Leader, Now).IsAccepted.ShouldBeTrue();
        Published().Claim(new ClaimMicroTask(Team), true, OtherLeader, Now).Rejection.ShouldBeOfType<Forbidden>();
        Published().Claim(new ClaimMicroTask(Team), true, Self, Now).Rejection.ShouldBeOfType<Forbidden>();
        FieldErrors(Published().Claim(new ClaimMicroTask("nope"), false, Host, Now)).Keys.ShouldBe(["teamId"]);
        Published(Team).Claim(new ClaimMicroTask(Team), true, Leader, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void Completion_names_the_teams_volunteers_and_their_hours()
    {
        var member = InTeam();
        var task = Published(Team);
        task.Complete(new CompleteMicroTask("已清理", [new(member.Id, 3)]), [member], OtherLeader, Now).Rejection.ShouldBeOfType<Forbidden>();
        FieldErrors(task.Complete(new CompleteMicroTask("已清理", [new(member.Id, 13)]), [member], Leader, Now)).Keys.ShouldBe(["participants"]);
        FieldErrors(task.Complete(new CompleteMicroTask("已清理", [new(Registered().Id, 3)]), [], Leader, Now)).Keys.ShouldBe(["participants"]);
        FieldErrors(task.Complete(new CompleteMicroTask("", []), [], Leader, Now)).Keys.ShouldBe(["report", "participants"], ignoreOrder: true);
        Published().Complete(new CompleteMicroTask("已清理", [new(member.Id, 3)]), [member], Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void A_host_confirms_and_each_participant_gets_a_service_record_with_points()
    {
        var member = InTeam();
        var task = Step(Published(Team), Published(Team).Complete(new CompleteMicroTask("已清理", [new(member.Id, 3)]), [member], Leader, Now));
        task.Confirm(Rule, Leader, Now).Rejection.ShouldBeOfType<Forbidden>();

        var credit = task.Confirm(Rule, Host, Now);

        var (volunteer, recorded) = credit.ForVolunteers.ShouldHaveSingleItem();
        volunteer.ShouldBe(member.Id);
        var service = recorded.ShouldBeOfType<ServiceRecorded>();
        (service.Hours, service.Points, service.Source).ShouldBe((3m, 30, (Guid?)task.Id));
        Step(task, credit.ForSubject).Confirm(Rule, Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
    }
}
