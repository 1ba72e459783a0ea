using System.Text.Json;

namespace IssueTracker.Host.Infrastructure;

public static class JsonDefaults
{
    /// <summary>The API's JSON shape (camelCase, enums as camelCase strings), for bodies written outside endpoints.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpSetup.ConfigureJson(options);
        return options;
    }
}
