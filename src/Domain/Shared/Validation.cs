namespace IssueTracker.Domain.Shared;

/// <summary>One field's error: a stable camelCase code clients act on, and its message in English and Chinese.</summary>
public sealed record FieldError(string Code, string Message, string Chinese);

/// <summary>The field error codes (camelCase) the API documents under <c>errorCodes</c>.</summary>
public static class ErrorCodes
{
    public const string Required = "required";
    public const string TooLong = "tooLong";
    public const string Invalid = "invalid";
    public const string UnknownValue = "unknownValue";
    public const string OutOfRange = "outOfRange";
    public const string NotInFuture = "notInFuture";
    public const string TooMany = "tooMany";
    public const string NotFound = "notFound";
    public const string Mismatch = "mismatch";
    public const string UnknownOrganisation = "unknownOrganisation";
    public const string AlreadyExists = "alreadyExists";
    public const string UnknownParameter = "unknownParameter";
    public const string BadFormat = "badFormat";

    public static readonly string[] All =
    [
        Required, TooLong, Invalid, UnknownValue, OutOfRange, NotInFuture, TooMany, NotFound, Mismatch, UnknownOrganisation,
        AlreadyExists, UnknownParameter, BadFormat
    ];
}

/// <summary>Collects per-field errors; field names are the camelCase names clients send.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<FieldError>> _errors = new();

    public Validation Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, ErrorCodes.Required, $"'{field}' is required.", $"「{field}」必填。");
        else if (value.Length > max) TooLong(field, max);
        return this;
    }

    public Validation Optional(string field, string? value, int max)
    {
        if (value is { Length: var length } && length > max) TooLong(field, max);
        return this;
    }

    /// <summary>A due date: in the future, and at most <see cref="Limits.DueWithinYears"/> years ahead (deadline arithmetic stays in range).</summary>
    public Validation DueBy(string field, DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is null) return this;
        if (value <= now) return Add(field, ErrorCodes.NotInFuture, $"'{field}' must be in the future.", $"「{field}」必须是将来的时间。");
        if (value > now.AddYears(Limits.DueWithinYears))
            return Add(field, ErrorCodes.OutOfRange, $"'{field}' must be at most {Limits.DueWithinYears} years ahead.", $"「{field}」最多只能在 {Limits.DueWithinYears} 年之后。");
        return this;
    }

    public Validation Check(bool ok, string field, string message) =>
        ok ? this : Add(field, ErrorCodes.Invalid, message, $"「{field}」的值无效。");

    public Validation Check(bool ok, string field, string code, string message, string chinese) =>
        ok ? this : Add(field, code, message, chinese);

    public Validation Add(string field, string message) => Add(field, ErrorCodes.Invalid, message, $"「{field}」的值无效。");

    public Validation Add(string field, string code, string message, string chinese)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(new FieldError(code, message, chinese));
        return this;
    }

    private void TooLong(string field, int max) =>
        Add(field, ErrorCodes.TooLong, $"'{field}' must be at most {max} characters.", $"「{field}」最多 {max} 个字符。");

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
    public const int Phone = 50;
    public const int OrgId = 100;
    public const int PhotoUrls = 10;
    public const int PhotoUrl = 1000;
}
