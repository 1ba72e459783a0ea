namespace IssueTracker.Host.Reliability;

/// <summary>The first answer to a command sent with an Idempotency-Key, stored in the command's own transaction.</summary>
public sealed record IdempotencyRecord(
    string Id, string RequestHash, int Status, string Body, string? Location, DateTimeOffset CreatedAt);
