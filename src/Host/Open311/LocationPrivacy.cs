using IssueTracker.Domain.Issues;

namespace IssueTracker.Host.Open311;

/// <summary>
/// The categories whose coordinates are as private as the reporter's contact (a resident's doorstep, not a pothole):
/// Open311:PrivateLocationCategories, a comma-separated list or an array; default repairs, noise, animals.
/// </summary>
public sealed class LocationPrivacy(IReadOnlySet<IssueCategory> privateCategories)
{
    public const string Key = "Open311:PrivateLocationCategories";
    public static readonly IssueCategory[] Defaults = [IssueCategory.Repairs, IssueCategory.Noise, IssueCategory.Animals];

    public static LocationPrivacy From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var names = section.Value is { } list ? list.Split(',')
            : section.GetChildren().Select(c => c.Value ?? "").ToArray() is { Length: > 0 } items ? items
            : Defaults.Select(c => c.ToString()).ToArray();
        var categories = new HashSet<IssueCategory>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            if (!Enum.TryParse<IssueCategory>(name, ignoreCase: true, out var category) || !Enum.IsDefined(category))
                throw new InvalidOperationException($"{Key}: '{name}' is not a category.");
            categories.Add(category);
        }
        return new LocationPrivacy(categories);
    }

    public bool Hides(IssueCategory category) => privateCategories.Contains(category);

    /// <summary>Whether a reader who does not see private data is shown this issue's coordinates.</summary>
    public bool HidesFrom(bool seesPrivateData, IssueCategory category) => !seesPrivateData && Hides(category);
}
