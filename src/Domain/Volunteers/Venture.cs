using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public enum VentureStatus { Proposed, Approved, Declined, Completed }

public sealed record ProposeVenture(string? Title, string? Description, string? TeamId, decimal? Budget);

public sealed record ApproveVenture(string? Note);

public sealed record DeclineVenture(string? Reason);

public sealed record ReportMilestone(string? Note, decimal? Spent);

public sealed record CompleteVenture(string? Summary);

/// <summary>The write model of a venture (微创投): a team's small public-benefit project with a budget.</summary>
public sealed record Venture(Guid Id, VentureStatus Status, string TeamId)
{
    public const decimal MaxBudget = 1_000_000m;

    public int Version { get; init; }

    public static Venture Create(Guid id, VentureProposed proposed) => new(id, VentureStatus.Proposed, proposed.TeamId);

    public static Venture Evolve(Venture state, object @event) => @event switch
    {
        VentureApproved => state with { Status = VentureStatus.Approved },
        VentureDeclined => state with { Status = VentureStatus.Declined },
        VentureCompleted => state with { Status = VentureStatus.Completed },
        _ => state
    };

    /// <summary>A team proposes through its leader (a host may enter a team's proposal).</summary>
    public static Decision Propose(ProposeVenture command, bool teamExists, Actor by, DateTimeOffset now)
    {
        var validation = new Validation()
            .Required("title", command.Title, Limits.Title)
            .Optional("description", command.Description, Limits.Description)
            .Check(TeamIds.IsWellFormed(command.TeamId) && teamExists, "teamId", "'teamId' is required: a volunteer team of this street.")
            .Check(command.Budget is > 0 and <= MaxBudget, "budget", $"'budget' is required: more than 0, at most {MaxBudget}.");
        if (!validation.IsValid) return validation.ToRejection();
        if (!by.LeadsTeam(command.TeamId) && !by.IsStaff()) return new Forbidden("Only a leader of the team (or a host) proposes its venture.");
        return Decision.Accept(new VentureProposed(command.Title!.Trim(), command.Description?.Trim() ?? "", command.TeamId!,
            command.Budget!.Value, by, now));
    }

    public Decision Approve(ApproveVenture command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host approves a venture.");
        if (Status != VentureStatus.Proposed) return Forbid("approve");
        return new Validation().Optional("note", command.Note, Limits.Text)
            .Then(() => Decision.Accept(new VentureApproved(command.Note?.Trim(), by, now)));
    }

    public Decision Decline(DeclineVenture command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host declines a venture.");
        if (Status != VentureStatus.Proposed) return Forbid("decline");
        return new Validation().Required("reason", command.Reason, Limits.Text)
            .Then(() => Decision.Accept(new VentureDeclined(command.Reason!.Trim(), by, now)));
    }

    public Decision ReportMilestone(ReportMilestone command, Actor by, DateTimeOffset now)
    {
        if (!by.LeadsTeam(TeamId) && !by.IsStaff()) return new Forbidden("Only the team's leader (or a host) reports its milestones.");
        if (Status != VentureStatus.Approved) return Forbid("milestone");
        return new Validation()
            .Required("note", command.Note, Limits.Text)
            .Check(command.Spent is null or >= 0 and <= MaxBudget, "spent", "'spent' is an amount from 0.")
            .Then(() => Decision.Accept(new VentureMilestoneReported(command.Note!.Trim(), command.Spent, by, now)));
    }

    public Decision Complete(CompleteVenture command, Actor by, DateTimeOffset now)
    {
        if (!by.LeadsTeam(TeamId) && !by.IsStaff()) return new Forbidden("Only the team's leader (or a host) completes its venture.");
        if (Status != VentureStatus.Approved) return Forbid("complete");
        return new Validation().Required("summary", command.Summary, Limits.Text)
            .Then(() => Decision.Accept(new VentureCompleted(command.Summary!.Trim(), by, now)));
    }

    private InvalidTransition Forbid(string command) =>
        new(command, Status.ToString().ToLowerInvariant(), $"'{command}' is not allowed while the venture is {Status.ToString().ToLowerInvariant()}.");
}
