using System.ComponentModel.DataAnnotations;
using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record RaiseIssue(
    [property: Required] string? Title, string? Description, [property: Required] IssueCategory? Category,
    [property: Required] Location? Location, Reporter? Reporter,
    Urgency? Urgency, IReadOnlyList<string>? PhotoUrls);

public sealed partial record Issue
{
    public static Decision Raise(RaiseIssue command, Actor by, DateTimeOffset now)
    {
        var photos = command.PhotoUrls ?? [];
        var validation = new Validation()
            .Required("title", command.Title, Limits.Title)
            .Optional("description", command.Description, Limits.Description)
            .Check(command.Category is { } c && Enum.IsDefined(c), "category", ErrorCodes.UnknownValue, "'category' is required and must be a known category.", "「category」必填，且须为已知类别。")
            .Check(command.Urgency is null || Enum.IsDefined(command.Urgency.Value), "urgency", ErrorCodes.UnknownValue, "'urgency' must be normal or urgent.", "「urgency」只能是 normal 或 urgent。")
            .Check(command.Location is not null, "location", ErrorCodes.Required, "'location' is required.", "「location」必填。")
            .Check(photos.Count <= Limits.PhotoUrls, "photoUrls", ErrorCodes.TooMany, $"At most {Limits.PhotoUrls} photo URLs.", $"最多 {Limits.PhotoUrls} 个照片地址。")
            .Check(photos.All(IsPhotoUrl), "photoUrls", ErrorCodes.BadFormat, $"Each photo URL must be an absolute http(s) URL of at most {Limits.PhotoUrl} characters.", $"每个照片地址须为不超过 {Limits.PhotoUrl} 个字符的 http(s) 绝对地址。");
        if (command.Location is { } location)
        {
            validation.Required("location.community", location.Community, Limits.Name)
                .Optional("location.compound", location.Compound, Limits.Name)
                .Optional("location.building", location.Building, Limits.Name)
                .Check(location.Grid is null or >= 1 and <= 9999, "location.grid", ErrorCodes.OutOfRange, "'location.grid' must be between 1 and 9999.", "「location.grid」须在 1 到 9999 之间。")
                .Check(location.Lat is null == location.Lng is null, location.Lat is null ? "location.lat" : "location.lng", ErrorCodes.Invalid,
                    "'location.lat' and 'location.lng' come together.", "「location.lat」与「location.lng」须同时给出。")
                .Check(location.Lat is null or >= -90 and <= 90, "location.lat", ErrorCodes.OutOfRange,
                    "'location.lat' must be between -90 and 90 (WGS-84 degrees).", "「location.lat」须在 -90 到 90 之间（WGS-84 度）。")
                .Check(location.Lng is null or >= -180 and <= 180, "location.lng", ErrorCodes.OutOfRange,
                    "'location.lng' must be between -180 and 180 (WGS-84 degrees).", "「location.lng」须在 -180 到 180 之间（WGS-84 度）。");
        }
        if (command.Reporter is { } reporter)
        {
            validation.Optional("reporter.name", reporter.Name, Limits.Name)
                .Optional("reporter.contact", reporter.Contact, Limits.Contact);
        }

        return validation.Then(() => Decision.Accept(new IssueRaised(
            command.Title!.Trim(), command.Description ?? "", command.Category!.Value, Trim(command.Location!),
            command.Reporter, command.Urgency ?? Issues.Urgency.Normal, photos, by, now)));
    }

    private static Location Trim(Location l) => l with { Community = l.Community.Trim() };

    private static bool IsPhotoUrl(string? url) =>
        url is { Length: <= Limits.PhotoUrl }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
