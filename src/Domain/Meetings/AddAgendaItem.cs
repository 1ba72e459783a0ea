using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Meetings;

public sealed record AddAgendaItem([property: Required] Guid IssueId);

public sealed partial record Meeting
{
    /// <param name="issue">The issue named by the command, as found in the meeting's street.</param>
    public JointDecision AddAgendaItem(AddAgendaItem command, Issue issue, Actor by, DateTimeOffset now)
    {
        if (IsConcluded) return AlreadyConcluded("agenda");
        if (Agenda.Contains(issue.Id))
            return new InvalidTransition("agenda", "scheduled", "The issue is already on this meeting's agenda.");
        return JointDecision.Accept(
            new AgendaItemAdded(issue.Id, issue.Title, by, now),
            issue.PlaceOnAgenda(new PlaceOnAgenda(Id, Title), by, now));
    }
}
