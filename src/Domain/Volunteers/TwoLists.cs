using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Volunteers;

public sealed record ListResource(string? Provider, string? Category, string? Community, string? Description, int? Capacity);

public sealed record ListNeed(string? Category, string? Community, string? Description, int? Grid);

public sealed record MatchNeed(Guid? ResourceId);

/// <summary>A unit's resource on the 资源清单: what it offers, of which category, for which community.</summary>
public sealed record Resource(Guid Id, string Provider, string Category, string? Community)
{
    public int Version { get; init; }

    public static Resource Create(Guid id, ResourceListed listed) => new(id, listed.Provider, listed.Category, listed.Community);

    public static Decision List(ListResource command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host lists a unit's resources.");
        return new Validation()
            .Required("provider", command.Provider, Limits.Name)
            .Required("category", command.Category, Limits.Name)
            .Optional("community", command.Community, Limits.Name)
            .Required("description", command.Description, Limits.Text)
            .Check(command.Capacity is null or >= 1 and <= 100_000, "capacity", "'capacity' is from 1 (how many it can serve).")
            .Then(() => Decision.Accept(new ResourceListed(command.Provider!.Trim(), command.Category!.Trim(),
                string.IsNullOrWhiteSpace(command.Community) ? null : command.Community.Trim(), command.Description!.Trim(),
                command.Capacity ?? 1, by, now)));
    }

    /// <summary>One definition of a pairing, for the matching view and the match command alike.</summary>
    public bool Serves(string category, string community) =>
        Category == category && (Community is null || Community == community);
}

/// <summary>A resident's need on the 需求清单, open until it is matched with a resource.</summary>
public sealed record Need(Guid Id, string Category, string Community, bool Matched)
{
    public int Version { get; init; }

    public static Need Create(Guid id, NeedListed listed) => new(id, listed.Category, listed.Community, false);

    public static Need Evolve(Need state, object @event) => @event is NeedMatched ? state with { Matched = true } : state;

    public static Decision List(ListNeed command, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff() && by.Role != Roles.Reporter) return new Forbidden("Only a grid worker or a host lists a need.");
        return new Validation()
            .Required("category", command.Category, Limits.Name)
            .Required("community", command.Community, Limits.Name)
            .Required("description", command.Description, Limits.Text)
            .Check(command.Grid is null or >= 1 and <= 9999, "grid", "'grid' must be between 1 and 9999.")
            .Then(() => Decision.Accept(new NeedListed(command.Category!.Trim(), command.Community!.Trim(), command.Description!.Trim(),
                command.Grid, by, now)));
    }

    /// <param name="resource">The resource named by the command, as found in the street.</param>
    public Decision Match(MatchNeed command, Resource? resource, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff()) return new Forbidden("Only a host matches a need with a resource.");
        if (Matched) return new InvalidTransition("match", "matched", "The need is already matched.");
        return new Validation()
            .Check(resource is not null, "resourceId", "'resourceId' names no resource in this street.")
            .Check(resource is null || resource.Serves(Category, Community), "resourceId",
                "The resource is of another category or serves another community.")
            .Then(() => Decision.Accept(new NeedMatched(resource!.Id, resource.Provider, by, now)));
    }
}
