namespace IssueTracker.Domain.Shared;

/// <summary>The outcome of a decide function: the events to append, or why nothing may happen.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<object> Events { get; }
    public Rejection? Rejection { get; }
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}

public abstract record Rejection(string Detail);

/// <summary>The current state forbids the command (HTTP 409, type ending in invalid-transition).</summary>
/// <param name="Why">What in the state forbids it, when the status alone does not say (e.g. a meeting's agenda).</param>
public sealed record InvalidTransition(string Command, string From, string? Why = null)
    : Rejection(Why ?? $"'{Command}' is not allowed while the issue is {From}.");

/// <summary>The command is allowed in this state, but not for this actor (HTTP 403).</summary>
public sealed record Forbidden(string Reason) : Rejection(Reason);

/// <summary>Something with the same identity exists already (HTTP 409, type ending in already-exists).</summary>
public sealed record AlreadyExists(string Reason) : Rejection(Reason);

/// <summary>The command's data breaks a rule (HTTP 400 with a per-field errors map).</summary>
/// <param name="Code">The problem's code: "validation", or a more precise one such as "unknown-organisation".</param>
public sealed record InvalidInput(IReadOnlyDictionary<string, FieldError[]> Fields, string Code = "validation")
    : Rejection("One or more fields are invalid.")
{
    /// <summary>The English messages per field (the problem's <c>errors</c> map).</summary>
    public IReadOnlyDictionary<string, string[]> Errors => Fields.ToDictionary(x => x.Key, x => x.Value.Select(e => e.Message).ToArray());
}
