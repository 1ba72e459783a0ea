using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record PlaceOnAgenda(Guid MeetingId, string MeetingTitle);

public sealed partial record Issue
{
    public Decision PlaceOnAgenda(PlaceOnAgenda command, Actor by, DateTimeOffset now)
    {
        if (!IsIn(IssueStatus.Raised, IssueStatus.Declined, IssueStatus.Reopened)) return Forbid("place on agenda");
        return Decision.Accept(new IssuePlacedOnAgenda(command.MeetingId, command.MeetingTitle, by, now));
    }
}
