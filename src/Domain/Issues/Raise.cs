using IssueTracker.Domain.Shared;

namespace IssueTracker.Domain.Issues;

public sealed record RaiseIssue(
    string? Title, string? Description, IssueCategory? Category, Location? Location, Reporter? Reporter,
    Urgency? Urgency, IReadOnlyList<string>? PhotoUrls);

public sealed partial record Issue
{
    public static Decision Raise(RaiseIssue command, Actor by, DateTimeOffset now)
    {
        var photos = command.PhotoUrls ?? [];
        var validation = new Validation()
            .Required("title", command.Title, Limits.Title)
            .Optional("description", command.Description, Limits.Description)
            .Check(command.Category is { } c && Enum.IsDefined(c), "category", "'category' is required and must be a known category.")
            .Check(command.Urgency is null || Enum.IsDefined(command.Urgency.Value), "urgency", "'urgency' must be normal or urgent.")
            .Check(command.Location is not null, "location", "'location' is required.")
            .Check(photos.Count <= Limits.PhotoUrls, "photoUrls", $"At most {Limits.PhotoUrls} photo URLs.")
            .Check(photos.All(IsPhotoUrl), "photoUrls", $"Each photo URL must be an absolute http(s) URL of at most {Limits.PhotoUrl} characters.");
        if (command.Location is { } location)
        {
            validation.Required("location.community", location.Community, Limits.Name)
                .Optional("location.compound", location.Compound, Limits.Name)
                .Optional("location.building", location.Building, Limits.Name)
                .Check(location.Grid is null or >= 1 and <= 9999, "location.grid", "'location.grid' must be between 1 and 9999.")
                .Check(location.Lat is null == location.Lng is null, location.Lat is null ? "location.lat" : "location.lng",
                    "'location.lat' and 'location.lng' come together.")
                .Check(location.Lat is null or >= -90 and <= 90, "location.lat", "'location.lat' must be between -90 and 90 (WGS-84 degrees).")
                .Check(location.Lng is null or >= -180 and <= 180, "location.lng", "'location.lng' must be between -180 and 180 (WGS-84 degrees).");
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
