namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>
/// An endpoint's own OpenAPI summary and description, in English and Chinese, next to the endpoint. A command
/// endpoint's request example is its class's public static <c>Example</c> property (see <see cref="OperationConventions"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string summary, string chineseSummary) : Attribute
{
    public string Summary { get; } = summary;
    public string ChineseSummary { get; } = chineseSummary;

    /// <summary>What a client should know beyond the summary (English first, then Chinese).</summary>
    public string? Description { get; init; }
    public string? ChineseDescription { get; init; }
}
