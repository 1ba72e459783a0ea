using IssueTracker.Domain.Shared;

namespace IssueTracker.Host.Open311;

/// <summary>The rules' rejections in the facade's error format, naming the Open311 fields the client sent.</summary>
public static class Open311Rejections
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["title"] = "description", ["description"] = "description", ["location.community"] = "address_string",
        ["location.compound"] = "address_string", ["location.lat"] = "lat", ["location.lng"] = "long",
        ["reporter.name"] = "first_name", ["reporter.contact"] = "email", ["photoUrls"] = "media_url",
        ["reason"] = "description", ["text"] = "description"
    };

    public static Open311Answer Rejected(this Open311Call call, Rejection rejection) => rejection switch
    {
        InvalidInput input => new Open311Answer("errors", new Open311List("error", [.. input.Errors.Select(e => new Open311Object()
            .Add("code", StatusCodes.Status400BadRequest)
            .Add("description", $"{Fields.GetValueOrDefault(e.Key, e.Key)}: {string.Join(" ", e.Value)}"))]),
            StatusCodes.Status400BadRequest)
        { Format = call.Format },
        Forbidden => call.Error(StatusCodes.Status403Forbidden, rejection.Detail),
        _ => call.Error(StatusCodes.Status400BadRequest, rejection.Detail)
    };
}
