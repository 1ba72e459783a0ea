using Microsoft.Net.Http.Headers;

namespace IssueTracker.Host.Infrastructure;

/// <summary>ETag / If-Match on stream versions: the ETag is the quoted version; a bare number is accepted too.</summary>
public static class Preconditions
{
    public static string ETag(int version) => $"\"{version}\"";

    public static ProblemHttpResult? IfMatchFails(this HttpRequest request, int currentVersion)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || ParseVersion(candidate) == currentVersion) return null;
        }
        return Problems.PreconditionFailed(currentVersion);
    }

    public static bool IfNoneMatchHits(this HttpRequest request, int currentVersion)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        return !string.IsNullOrWhiteSpace(header) && header
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || ParseVersion(candidate) == currentVersion);
    }

    public static void SetETag(this HttpResponse response, int version) => response.Headers[HeaderNames.ETag] = ETag(version);

    private static int? ParseVersion(string tag)
    {
        var value = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        return int.TryParse(value.Trim('"'), out var version) ? version : null;
    }
}
