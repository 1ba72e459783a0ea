using System.Text.RegularExpressions;
using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Notifications;

public enum NoticeType { Assigned, DeadlineApproaching, DeadlineMissed, Escalated, Declined, Resolved, MeetingScheduled }

public enum AudienceKind { Organisation, Hosts, StreetLeadership, DistrictLeadership, Reporter }

/// <summary>Who hears: an organisation (by id), the street's hosts, a level of leadership, or the reporter's own email.</summary>
public sealed record Audience(AudienceKind Kind, string? Id = null)
{
    public static readonly Audience Hosts = new(AudienceKind.Hosts);
    public static Audience Organisation(string org) => new(AudienceKind.Organisation, org);

    /// <summary>The in-app inbox it reads: an organisation's, or the hosts'; leadership and reporters have none.</summary>
    public string? Inbox => Kind switch
    {
        AudienceKind.Organisation => "org:" + Id,
        AudienceKind.Hosts => "hosts",
        _ => null
    };
}

/// <summary>What the rules need to know of the issue beyond the event: its title, and the reporter's email if one was given.</summary>
public sealed record IssueFacts(Guid Id, string Title, string Community, string? Assignee, string? ReporterEmail)
{
    private static readonly Regex Email = new(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant);

    public static string? EmailIn(string? contact) => contact is null ? null : Email.Match(contact) is { Success: true } m ? m.Value : null;
}

/// <summary>
/// One thing to tell one audience. <see cref="Data"/> is what the webhook body carries; it never holds the reporter's
/// name or contact (the reporter's own address is only ever the recipient of their 回访 prompt).
/// </summary>
public sealed record Notice(NoticeType Type, Audience To, Guid IssueId, string Title, DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string?> Data);

public static class Notices
{
    /// <summary>The notices a committed event gives rise to (issue 17, "what is notified, to whom").</summary>
    public static IEnumerable<Notice> For(object @event, IssueFacts issue, DateTimeOffset occurredAt)
    {
        Notice To(NoticeType type, Audience audience, params (string Key, string? Value)[] data) =>
            new(type, audience, issue.Id, issue.Title, occurredAt, data.ToDictionary(d => d.Key, d => d.Value));

        switch (@event)
        {
            case IssueAssigned e:
                yield return To(NoticeType.Assigned, Audience.Organisation(e.Assignee), ("assignee", e.Assignee),
                    ("dueBy", e.DueBy?.ToString("O")), ("acknowledgeBy", e.AcknowledgeBy?.ToString("O")), ("note", e.Note));
                break;
            case AcknowledgementOverdue e:
                yield return To(NoticeType.DeadlineMissed, Audience.Organisation(e.Assignee), ("assignee", e.Assignee),
                    ("deadline", "acknowledgement"), ("dueAt", e.AcknowledgeBy.ToString("O")));
                break;
            case ResolutionOverdue e:
                yield return To(NoticeType.DeadlineMissed, Audience.Organisation(e.Assignee), ("assignee", e.Assignee),
                    ("deadline", "resolution"), ("dueAt", e.DueBy.ToString("O")));
                break;
            case IssueEscalated e:
                var level = e.Level == EscalationLevel.StreetLeadership ? AudienceKind.StreetLeadership : AudienceKind.DistrictLeadership;
                (string, string?)[] escalation = [("level", Wire(e.Level)), ("reason", Wire(e.Reason)), ("assignee", e.Assignee)];
                yield return To(NoticeType.Escalated, Audience.Hosts, escalation);
                yield return To(NoticeType.Escalated, new Audience(level), escalation);
                break;
            case AssignmentDeclined e:
                yield return To(NoticeType.Declined, Audience.Hosts, ("assignee", e.Assignee), ("reason", e.Reason));
                break;
            case IssueResolved e:
                yield return To(NoticeType.Resolved, Audience.Hosts, ("resolution", e.Resolution));
                if (issue.ReporterEmail is { } email)
                    yield return To(NoticeType.Resolved, new Audience(AudienceKind.Reporter, email), ("resolution", e.Resolution));
                break;
            case IssuePlacedOnAgenda e when issue.Assignee is { } org:
                yield return To(NoticeType.MeetingScheduled, Audience.Organisation(org), ("meetingId", e.MeetingId.ToString()),
                    ("meeting", e.MeetingTitle));
                break;
        }
    }

    /// <summary>The 75 % warning of a deadline still in force (a notification only: the issue's history is unchanged).</summary>
    public static Notice Approaching(IssueFacts issue, string org, DeadlineKind kind, DateTimeOffset dueAt, DateTimeOffset now) =>
        new(NoticeType.DeadlineApproaching, Audience.Organisation(org), issue.Id, issue.Title, now,
            new Dictionary<string, string?> { ["assignee"] = org, ["deadline"] = Wire(kind), ["dueAt"] = dueAt.ToString("O") });

    /// <summary>When a deadline set at <paramref name="start"/> is to be warned of: at 75 % of its limit.</summary>
    public static DateTimeOffset WarnAt(DateTimeOffset start, DateTimeOffset dueAt) =>
        dueAt <= start ? dueAt : start + (dueAt - start) * 0.75;

    public static string Wire<T>(T value) where T : struct, Enum => IssueStatuses.JsonName(value.ToString());
}
