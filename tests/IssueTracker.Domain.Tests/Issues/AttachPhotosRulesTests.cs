using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Tests.Issues;

public class AttachPhotosRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Host = new("host-1", "李主任", Roles.Host, null);
    private static readonly Actor Reporter = new("grid-12", "网格员小陈", Roles.Reporter, null);
    private static readonly Actor Property = new("wy-1", "物业小张", Roles.Assignee, "hongse-wuye");
    private static readonly Actor OtherProperty = new("wy-9", "别家物业", Roles.Assignee, "other-wuye");

    private static Issue In(IssueStatus status) => new(Guid.NewGuid(), status, "someone-else", "hongse-wuye", 0);

    private static AttachPhotos Photos(AttachmentStep step, int count) =>
        new(step, [.. Enumerable.Range(0, count).Select(_ => new StoredPhoto(Guid.NewGuid(), new string('a', 64), "image/jpeg", 1000, 300, 200))]);

    [Fact]
    public void Each_photo_is_one_event_carrying_its_hash_and_author()
    {
        var decision = In(IssueStatus.Raised).AttachPhotos(Photos(AttachmentStep.Report, 3), Reporter, Now);

        decision.Events.Count.ShouldBe(3);
        decision.Events.OfType<PhotoAttached>().ShouldAllBe(e => e.By == Reporter && e.Sha256.Length == 64 && e.At == Now);
    }

    [Fact]
    public void Photos_change_no_status_but_count_per_step()
    {
        var issue = In(IssueStatus.InProgress);
        var after = issue.AttachPhotos(Photos(AttachmentStep.Progress, 2), Property, Now).Events.Aggregate(issue, Issue.Evolve);

        after.Status.ShouldBe(IssueStatus.InProgress);
        after.Photos.Of(AttachmentStep.Progress).ShouldBe(2);
        after.Photos.Of(AttachmentStep.Report).ShouldBe(0);
    }

    [Fact]
    public void A_step_holds_at_most_nine_across_uploads()
    {
        var issue = In(IssueStatus.Raised);
        var seven = issue.AttachPhotos(Photos(AttachmentStep.Report, 7), Host, Now).Events.Aggregate(issue, Issue.Evolve);

        seven.AttachPhotos(Photos(AttachmentStep.Report, 3), Host, Now).Rejection.ShouldBeOfType<InvalidInput>();
        seven.AttachPhotos(Photos(AttachmentStep.Report, 2), Host, Now).IsAccepted.ShouldBeTrue();
        seven.AttachPhotos(Photos(AttachmentStep.Other, 9), Host, Now).IsAccepted.ShouldBeTrue();
    }

    [Theory]
    [InlineData(IssueStatus.Acknowledged, true)]
    [InlineData(IssueStatus.InProgress, true)]
    [InlineData(IssueStatus.Resolved, true)]
    [InlineData(IssueStatus.Assigned, false)]
    [InlineData(IssueStatus.Confirmed, false)]
    public void The_assigned_organisation_documents_its_work_while_working_on_it(IssueStatus status, bool allowed)
    {
        var decision = In(status).AttachPhotos(Photos(AttachmentStep.Resolution, 1), Property, Now);
        if (allowed) decision.IsAccepted.ShouldBeTrue();
        else decision.Rejection.ShouldBeOfType<InvalidTransition>();
    }

    [Fact]
    public void Who_may_add_to_which_step()
    {
        var issue = In(IssueStatus.InProgress);
        issue.CanAttach(AttachmentStep.Progress, OtherProperty).ShouldBeOfType<Forbidden>();
        issue.CanAttach(AttachmentStep.Report, Property).ShouldBeOfType<Forbidden>();
        issue.CanAttach(AttachmentStep.Resolution, Reporter).ShouldBeOfType<Forbidden>();
        issue.CanAttach(AttachmentStep.Other, Reporter).ShouldBeOfType<Forbidden>();
        issue.CanAttach(AttachmentStep.Report, Reporter).ShouldBeNull();
        foreach (var step in Enum.GetValues<AttachmentStep>()) issue.CanAttach(step, Host).ShouldBeNull();
    }

    [Theory]
    [InlineData(IssueStatus.Closed)]
    [InlineData(IssueStatus.Withdrawn)]
    [InlineData(IssueStatus.Duplicate)]
    public void An_ended_issue_takes_no_photos_from_anyone(IssueStatus status) =>
        In(status).AttachPhotos(Photos(AttachmentStep.Other, 1), Host, Now).Rejection.ShouldBeOfType<InvalidTransition>();
}
