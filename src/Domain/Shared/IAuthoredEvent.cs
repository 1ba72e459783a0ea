namespace IssueTracker.Domain.Shared;

/// <summary>Every event says who did it and when (time comes from the injected clock, not the database).</summary>
public interface IAuthoredEvent
{
    Actor By { get; }
    DateTimeOffset At { get; }
}
