namespace IssueTracker.Domain.Shared;

/// <summary>
/// A rule of the record's state refuses the command for a reason of its own (HTTP 409 with its own problem code),
/// e.g. "insufficient-points" or "out-of-stock": the client can tell it from a forbidden transition.
/// </summary>
public sealed record RuleConflict(string Code, string Title, string Why) : Rejection(Why);
