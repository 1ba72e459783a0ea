using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

public class CommentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Reporter = new("grid-12", "网格员小陈", Roles.Reporter, null);
    private static readonly Actor Property = new("wy-zhang", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly Actor OtherProperty = new("wy-zhou", "安居物业小周", Roles.Assignee, "anju-wuye");
    private static readonly Actor Auditor = new("audit-1", "审计员", Roles.Auditor, null);

    private static Issue In(IssueStatus status) => new(Guid.NewGuid(), status, "grid-12", "hongse-wuye", 0);

    [Fact]
    public void Those_taking_part_comment_in_any_open_status_and_the_status_stays()
    {
        foreach (var status in Enum.GetValues<IssueStatus>().Where(s => !s.IsTerminal()))
        {
            var added = In(status).AddComment(new AddComment(" 地锁又装上了 "), Reporter, Now).Events.ShouldHaveSingleItem()
                .ShouldBeOfType<CommentAdded>();
            added.Text.ShouldBe("地锁又装上了");
            Issue.Evolve(In(status), added).Status.ShouldBe(status);
        }
        In(IssueStatus.InProgress).AddComment(new AddComment("明天施工"), Property, Now).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void Closed_issues_other_organisations_auditors_and_blank_text_are_refused()
    {
        In(IssueStatus.Closed).AddComment(new AddComment("x"), Reporter, Now).Rejection.ShouldBeOfType<InvalidTransition>();
        In(IssueStatus.Assigned).AddComment(new AddComment("x"), OtherProperty, Now).Rejection.ShouldBeOfType<Forbidden>();
        In(IssueStatus.Assigned).AddComment(new AddComment("x"), Auditor, Now).Rejection.ShouldBeOfType<Forbidden>();
        In(IssueStatus.Assigned).AddComment(new AddComment(" "), Reporter, Now).Rejection.ShouldBeOfType<InvalidInput>()
            .Fields["text"][0].Code.ShouldBe(ErrorCodes.Required);
    }
}
