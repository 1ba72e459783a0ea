namespace IssueTracker.Domain.Shared;

/// <summary>Collects per-field errors; field names are the camelCase names clients send.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validation Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"'{field}' is required.");
        else if (value.Length > max) Add(field, $"'{field}' must be at most {max} characters.");
        return this;
    }

    public Validation Optional(string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max) Add(field, $"'{field}' must be at most {max} characters.");
        return this;
    }

    /// <summary>A due date: in the future, and at most <see cref="Limits.DueWithinYears"/> years ahead (deadline arithmetic stays in range).</summary>
    public Validation DueBy(string field, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is null) return this;
        if (value <= now) Add(field, $"'{field}' must be in the future.");
        else if (value > now.AddYears(Limits.DueWithinYears)) Add(field, $"'{field}' must be at most {Limits.DueWithinYears} years ahead.");
        return this;
    }

    public Validation Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool IsValid => _errors.Count == 0;

    public InvalidInput ToRejection() => new(_errors.ToDictionary(x => x.Key, x => x.Value.ToArray()));

    /// <summary>Accepts the events only when no field error was found.</summary>
    public Decision Then(Func<Decision> decide) => IsValid ? decide() : ToRejection();
}

public static class Limits
{
    public const int DueWithinYears = 5;
    public const int Title = 200;
    public const int Description = 4000;
    public const int Text = 4000;
    public const int Name = 100;
    public const int Contact = 200;
    public const int OrgId = 100;
    public const int PhotoUrls = 10;
    public const int PhotoUrl = 1000;
}
