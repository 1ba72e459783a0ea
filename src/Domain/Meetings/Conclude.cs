using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

public sealed record ConcludeMeeting([property: Required] string? Minutes);

public sealed partial record Meeting
{
    public Decision Conclude(ConcludeMeeting command, Actor by, DateTimeOffset now)
    {
        if (IsConcluded) return AlreadyConcluded("conclude");
        return new Validation()
            .Required("minutes", command.Minutes, Limits.Text)
            .Then(() => Decision.Accept(new MeetingConcluded(command.Minutes!, by, now)));
    }
}
