using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

/// <summary>The step of the work a photo documents (整改前后照片: before, during and after the repair).</summary>
public enum AttachmentStep { Report, Progress, Resolution, Other }

/// <summary>A photo already cleaned and stored: what its event records.</summary>
public sealed record StoredPhoto(Guid Id, string Sha256, string ContentType, long Bytes, int Width, int Height);

public sealed record AttachPhotos(AttachmentStep Step, IReadOnlyList<StoredPhoto> Photos);

/// <summary>How many photos each step of an issue holds (the write model's part for attachments).</summary>
public sealed record PhotoCounts(int Report = 0, int Progress = 0, int Resolution = 0, int Other = 0)
{
    public const int MaxPerStep = 9;

    public int Of(AttachmentStep step) => step switch
    {
        AttachmentStep.Report => Report,
        AttachmentStep.Progress => Progress,
        AttachmentStep.Resolution => Resolution,
        _ => Other
    };

    public PhotoCounts Add(AttachmentStep step) => step switch
    {
        AttachmentStep.Report => this with { Report = Report + 1 },
        AttachmentStep.Progress => this with { Progress = Progress + 1 },
        AttachmentStep.Resolution => this with { Resolution = Resolution + 1 },
        _ => this with { Other = Other + 1 }
    };
}

public sealed partial record Issue
{
    /// <summary>The statuses in which the assigned organisation may document its work.</summary>
    public static readonly IssueStatus[] AssigneePhotoStatuses = [IssueStatus.Acknowledged, IssueStatus.InProgress, IssueStatus.Resolved];

    /// <summary>
    /// Reporters and hosts document the report, the assigned organisation its progress and resolution (while it works on
    /// the issue or has just resolved it), hosts any step; never on an ended issue, at most 9 photos a step.
    /// </summary>
    public Decision AttachPhotos(AttachPhotos command, Actor by, DateTimeOffset now)
    {
        if (CanAttach(command.Step, by) is { } refusal) return refusal;
        var held = Photos.Of(command.Step);
        return new Validation()
            .Check(command.Photos.Count > 0, "file", "Send at least one 'file' part.")
            .Check(held + command.Photos.Count <= PhotoCounts.MaxPerStep, "file",
                $"A step holds at most {PhotoCounts.MaxPerStep} photos; this one has {held}, and {command.Photos.Count} were sent.")
            .Then(() => Decision.Accept([.. command.Photos.Select(p => new PhotoAttached(
                p.Id, command.Step, p.Sha256, p.ContentType, p.Bytes, p.Width, p.Height, by, now))]));
    }

    /// <summary>Why <paramref name="by"/> may not add photos to <paramref name="step"/> now, or null when they may.</summary>
    public Rejection? CanAttach(AttachmentStep step, Actor by)
    {
        if (Status.IsTerminal()) return Forbid("attach photos");
        if (by.IsAny(Roles.Host, Roles.Admin)) return null;
        return step switch
        {
            AttachmentStep.Report when by.IsAny(Roles.Reporter) => null,
            AttachmentStep.Progress or AttachmentStep.Resolution when by.IsAny(Roles.Assignee) =>
                !IsAssignedTo(by) ? NotYourAssignment()
                : !IsIn(AssigneePhotoStatuses) ? Forbid($"attach {step.ToString().ToLowerInvariant()} photos")
                : null,
            _ => new Forbidden($"Your role may not add photos to the '{IssueStatuses.JsonName(step.ToString())}' step.")
        };
    }
}
