namespace IssueTracker.Domain.Meetings;

public enum MeetingStatus { Scheduled, Concluded }

public enum AttendeeRole { Resident, PartyMember, GridWorker, PropertyCompany, Police, Department, Other }

public sealed record Attendee(string Name, AttendeeRole Role);

/// <summary>What a meeting decided for one agenda item, and so what happens to the issue.</summary>
public enum DecisionOutcome { Assign, NoAction, Refer, Duplicate }
