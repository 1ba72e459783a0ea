using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record RegisterVolunteer(string? Name, string? Contact, IReadOnlyList<string>? Skills, string? Community);

public sealed partial record Volunteer
{
    public const int MaxSkills = 20;

    /// <summary>
    /// A host or admin registers anyone (not tied to a user account); a user with role volunteer registers themself,
    /// tied to their account. Registering the same account twice is refused by the stream id it gets, not here.
    /// </summary>
    public static Decision Register(RegisterVolunteer command, Actor by, DateTimeOffset now)
    {
        var self = by.Role == VolunteerRoles.Volunteer;
        if (!self && !by.IsStaff()) return new Forbidden("Only a host registers others; a volunteer registers themself.");
        var skills = command.Skills ?? [];
        return new Validation()
            .Required("name", command.Name, Limits.Name)
            .Optional("contact", command.Contact, Limits.Contact)
            .Required("community", command.Community, Limits.Name)
            .Check(skills.Count <= MaxSkills, "skills", $"At most {MaxSkills} skills.")
            .Check(skills.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= Limits.Name), "skills",
                $"Each skill is 1..{Limits.Name} characters.")
            .Then(() => Decision.Accept(new VolunteerRegistered(command.Name!.Trim(), command.Contact?.Trim(),
                skills.Select(s => s.Trim()).Distinct().ToList(), command.Community!.Trim(), self ? by.Id : null, by, now)));
    }
}
