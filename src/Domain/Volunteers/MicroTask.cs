using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public enum MicroTaskStatus { Open, Claimed, Completed, Confirmed }

/// <param name="IssueId">A discussion-meeting issue the task comes from (its title and community are the defaults).</param>
/// <param name="TeamId">The team the task is given to straight away.</param>
public sealed record PublishMicroTask(string? Title, string? Description, string? Community, Guid? IssueId, string? TeamId);

public sealed record ClaimMicroTask(string? TeamId);

public sealed record CompleteMicroTask(string? Report, IReadOnlyList<Participation>? Participants);

/// <summary>The write model of a micro-task (微实事): published by a host, claimed by a team, done, confirmed.</summary>
public sealed record MicroTask(Guid Id, MicroTaskStatus Status, string Title)
{
    public const int MaxParticipants = 100;

    public int Version { get; init; }
    public string? Team { get; init; }
    public IReadOnlyList<Participation> Participants { get; init; } = [];
    public DateTimeOffset? CompletedAt { get; init; }

    public static MicroTask Create(Guid id, MicroTaskPublished published) => new(id, MicroTaskStatus.Open, published.Title);

    public static MicroTask Evolve(MicroTask state, object @event) => @event switch
    {
        MicroTaskClaimed e => state with { Status = MicroTaskStatus.Claimed, Team = e.TeamId },
        MicroTaskCompleted e => state with { Status = MicroTaskStatus.Completed, Participants = e.Participants, CompletedAt = e.At },
        MicroTaskConfirmed => state with { Status = MicroTaskStatus.Confirmed },
        _ => state
    };

    /// <param name="issue">The title and community of the issue named by the command, when it exists in the street.</param>
    public static Decision Publish(PublishMicroTask command, (string Title, string Community)? issue, bool teamExists, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host publishes micro-tasks.");
        var title = string.IsNullOrWhiteSpace(command.Title) ? issue?.Title : command.Title;
        var community = string.IsNullOrWhiteSpace(command.Community) ? issue?.Community : command.Community;
        return new Validation()
            .Check(command.IssueId is null || issue is not null, "issueId", "'issueId' names no issue in this street.")
            .Required("title", title, Limits.Title)
            .Optional("description", command.Description, Limits.Description)
            .Required("community", community, Limits.Name)
            .Check(command.TeamId is null || (TeamIds.IsWellFormed(command.TeamId) && teamExists), "teamId", "'teamId' names no volunteer team in this street.")
            .Then(() =>
            {
                var published = new MicroTaskPublished(title!.Trim(), command.Description?.Trim() ?? "", community!.Trim(), command.IssueId, by, now);
                return command.TeamId is null ? Decision.Accept(published) : Decision.Accept(published, new MicroTaskClaimed(command.TeamId, by, now));
            });
    }

    public Decision Claim(ClaimMicroTask command, bool teamExists, Actor by, DateTimeOffset now)
    {
        if (Status != MicroTaskStatus.Open) return Forbid("claim");
        var validation = new Validation()
            .Check(TeamIds.IsWellFormed(command.TeamId) && teamExists, "teamId", "'teamId' is required: a volunteer team of this street.");
        if (!validation.IsValid) return validation.ToRejection();
        if (!by.LeadsTeam(command.TeamId) && !by.IsStaff()) return new Forbidden("Only a leader of the team (or a host) claims a task for it.");
        return Decision.Accept(new MicroTaskClaimed(command.TeamId!, by, now));
    }

    /// <param name="volunteers">The volunteers named as participants, as found in the street.</param>
    public Decision Complete(CompleteMicroTask command, IReadOnlyList<Volunteer> volunteers, Actor by, DateTimeOffset now)
    {
        if (Status != MicroTaskStatus.Claimed) return Forbid("complete");
        if (!by.LeadsTeam(Team) && !by.IsStaff()) return new Forbidden("Only a leader of the team that claimed the task (or a host) completes it.");
        var participants = command.Participants ?? [];
        if (participants.Any(p => p is null))
            return new Validation().Add("participants", "Each participant is { volunteerId, hours }.").ToRejection();
        return new Validation()
            .Required("report", command.Report, Limits.Text)
            .Check(participants.Count is >= 1 and <= MaxParticipants, "participants", $"Name the volunteers who took part (1 to {MaxParticipants}).")
            .Check(participants.Select(p => p.VolunteerId).Distinct().Count() == participants.Count, "participants", "Each volunteer is named once.")
            .Check(participants.All(p => PointsRule.AreValidHours(p.Hours)), "participants",
                $"Each participant's hours are from {PointsRule.MinHours} to {PointsRule.MaxHours}.")
            .Check(participants.All(p => volunteers.Any(v => v.Id == p.VolunteerId && v.Teams.Contains(Team!))), "participants",
                "Each participant must be a member of the team that claimed the task.")
            .Then(() => Decision.Accept(new MicroTaskCompleted(command.Report!.Trim(), participants, by, now)));
    }

    /// <summary>A host confirms: each participant's hours are recorded on their own stream, with points by rule.</summary>
    public Credit Confirm(PointsRule rule, Actor by, DateTimeOffset now)
    {
        if (Status != MicroTaskStatus.Completed) return Forbid("confirm");
        if (!by.IsStaff()) return new Forbidden("Only a host confirms a micro-task.");
        var servedOn = DateOnly.FromDateTime(CompletedAt!.Value.UtcDateTime);
        return new Credit(Decision.Accept(new MicroTaskConfirmed(by, now)), Participants.Select(p =>
            (p.VolunteerId, (object)new ServiceRecorded(Guid.CreateVersion7(), $"微实事：{Title}", p.Hours, servedOn, rule.ForHours(p.Hours), Id, by, now)))
            .ToList());
    }

    private InvalidTransition Forbid(string command) =>
        new(command, Status.ToString().ToLowerInvariant(), $"'{command}' is not allowed while the micro-task is {Status.ToString().ToLowerInvariant()}.");
}
