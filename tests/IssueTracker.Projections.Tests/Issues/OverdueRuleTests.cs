using IssueTracker.Domain.Issues;
using IssueTracker.Projections.Issues;
using IssueTracker.Projections.StatusBoard;

namespace IssueTracker.Projections.Tests.Issues;

public class OverdueRuleTests
{
    private static readonly DateTimeOffset Now = Story.Start;

    private static StatusBoardRow Row(bool flagged, bool awaiting, DateTimeOffset? dueBy) =>
        new() { Id = Guid.NewGuid(), Overdue = flagged, AwaitingResolution = awaiting, DueBy = dueBy };

    public static TheoryData<bool, bool, int?, bool> Cases() => new()
    {
        { true, false, null, true },    // a missed deadline, whatever the due date
        { true, true, 5, true },
        { false, true, -1, true },      // a passed due date on unfinished work
        { false, true, 1, false },
        { false, true, null, false },   // no due date: nothing to pass
        { false, false, -1, false }     // resolved or ended: the due date no longer binds
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Overdue_is_a_missed_deadline_or_a_passed_due_date_on_unfinished_work(bool flagged, bool awaiting, int? dueInDays, bool overdue)
    {
        var row = Row(flagged, awaiting, dueInDays is { } days ? Now.AddDays(days) : null);

        OverdueRule.IsOverdue(row, Now).ShouldBe(overdue);
        OverdueRule.Where<StatusBoardRow>(Now).Compile()(row).ShouldBe(overdue);
        OverdueRule.Where<StatusBoardRow>(Now, overdue: false).Compile()(row).ShouldBe(!overdue);
    }

    [Fact]
    public void The_query_form_names_the_read_model_s_own_members()
    {
        var filter = OverdueRule.Where<IssueDetails.IssueDetails>(Now);

        filter.Parameters.ShouldHaveSingleItem().Type.ShouldBe(typeof(IssueDetails.IssueDetails));
        filter.Body.ToString().ShouldNotContain(nameof(IShowsOverdue));
    }

    [Fact]
    public void The_sql_form_reads_the_columns_it_is_given()
    {
        OverdueRule.Sql(member => $"c_{member}").ShouldBe("(c_Overdue or (c_AwaitingResolution and c_DueBy < ?))");
    }

    [Theory]
    [InlineData(IssueStatus.Assigned, true)]
    [InlineData(IssueStatus.Acknowledged, true)]
    [InlineData(IssueStatus.InProgress, true)]
    [InlineData(IssueStatus.Reopened, true)]
    [InlineData(IssueStatus.Resolved, false)]
    [InlineData(IssueStatus.Declined, false)]
    [InlineData(IssueStatus.Closed, false)]
    public void A_due_date_binds_while_assigned_work_awaits_resolution(IssueStatus status, bool awaits)
    {
        IssueStatuses.AwaitsResolution("hongse-wuye", status).ShouldBe(awaits);
        IssueStatuses.AwaitsResolution(null, status).ShouldBeFalse();
    }

    [Fact]
    public void The_details_show_a_passed_due_date_as_overdue()
    {
        var id = Guid.NewGuid();
        var details = Story.Lifecycle(id).Take(2).Aggregate((IssueDetails.IssueDetails?)null,
            (d, e) => IssueDetails.IssueDetailsProjection.Apply(d, id, e))!;

        details.AwaitingResolution.ShouldBeTrue();
        details.Overdue.ShouldBeFalse();
        details.AsOf(details.DueBy!.Value.AddMinutes(1)).Overdue.ShouldBeTrue();
        details.AsOf(details.DueBy!.Value.AddMinutes(-1)).Overdue.ShouldBeFalse();
    }
}
