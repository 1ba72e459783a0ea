using IssueTracker.Domain.Issues;
using IssueTracker.Domain.Shared;
using IssueTracker.Projections.Issues;

namespace IssueTracker.Projections.IssueDetails;

/// <summary>Everything the issue screen shows, kept inline with the stream.</summary>
public sealed record IssueDetails : IShowsOverdue
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public IssueCategory Category { get; init; }
    public Location Location { get; init; } = new("", null, null, null);
    public Urgency Urgency { get; init; }
    public IssueStatus Status { get; init; }
    public string? Assignee { get; init; }

    /// <summary>The assignee's name in the street's directory; filled when served, not stored.</summary>
    public string? AssigneeName { get; init; }
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? DueBy { get; init; }

    /// <summary>
    /// Stored: a deadline of the current assignment was missed and the step it was for has not happened yet. Served:
    /// also a passed due date on unfinished work (<see cref="AsOf"/>).
    /// </summary>
    public bool Overdue { get; init; }

    /// <summary>Whether the due date binds (<see cref="IssueStatuses.AwaitsResolution"/>): what the overdue filter reads.</summary>
    public bool AwaitingResolution { get; init; }

    public bool Escalated { get; init; }
    public Supervision? Escalation { get; init; }
    public int ReopenCount { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<string> PhotoUrls { get; init; } = [];
    public string? Resolution { get; init; }
    public Satisfaction? Satisfaction { get; init; }
    public string? ClosedReason { get; init; }
    public string? ReferredTo { get; init; }
    public Guid? DuplicateOf { get; init; }
    public Reporter? Reporter { get; init; }
    public IReadOnlyList<MeetingDiscussion> Meetings { get; init; } = [];
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The user id (sub) of whoever raised the issue, for "raised by me".</summary>
    public string? RaisedBy { get; init; }

    public IReadOnlyList<Comment> Comments { get; init; } = [];

    /// <summary>Stored for the search index (see <see cref="IssueSearch"/>); never served.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SearchGrams { get; init; }

    /// <summary>The details as readers get them: without what is stored only for the search index.</summary>
    public IssueDetails Served() => SearchGrams is null ? this : this with { SearchGrams = null };

    /// <summary>The details as shown at <paramref name="now"/>: a passed due date on unfinished work is overdue (see <see cref="OverdueRule"/>).</summary>
    public IssueDetails AsOf(DateTimeOffset now) =>
        !Overdue && OverdueRule.IsOverdue(this, now) ? this with { Overdue = true } : this;

    /// <summary>
    /// The same details without the resident's private data, for everyone but hosts and auditors; the coordinates go
    /// too when the issue's category makes them private (a doorstep, not a pothole).
    /// </summary>
    public IssueDetails WithoutReporter(bool hideCoordinates = false) =>
        this with { Reporter = null, Location = hideCoordinates ? Location.WithoutCoordinates() : Location };
}

/// <summary>A stored photo of the evidence (GET /api/issues/{id}/attachments/{attachmentId} serves it).</summary>
public sealed record Attachment(
    Guid Id, AttachmentStep Step, string ContentType, long Bytes, int Width, int Height, string Sha256,
    DateTimeOffset AddedAt, Actor AddedBy);

/// <summary>A remark by someone taking part in the issue (a comment is no step of the lifecycle).</summary>
public sealed record Comment(string Text, string By, string? Org, DateTimeOffset At);

/// <summary>A meeting the issue was put before, and what it decided (null until it has).</summary>
public sealed record MeetingDiscussion(Guid MeetingId, string Title, string? Decision);

/// <summary>The latest escalation (督办): who supervises the issue now, and why.</summary>
public sealed record Supervision(EscalationLevel Level, EscalationReason Reason, DateTimeOffset At);
