using Microsoft.OpenApi;

namespace IssueTracker.Host.Infrastructure.OpenApi;

/// <summary>The problem-details answers an operation can give, each described once here.</summary>
internal sealed class ProblemResponses(OpenApiDocument document, OpenApiResponses responses)
{
    private static readonly Dictionary<int, string> Meaning = new()
    {
        [400] = "Invalid input: problem `urn:issuetracker:problem:validation` with an `errors` map per field.",
        [401] = "No token, or one that is expired, badly signed, for another audience or without a `street` claim.",
        [403] = "Your role, or for assignees your organisation, may not do this (`forbidden`).",
        [404] = "No such id in your street (another street's ids are not found either).",
        [409] = "The current state forbids this (`invalid-transition`), or a concurrent write won (`concurrent-write`).",
        [412] = "`If-Match` does not match the current version (`precondition-failed`).",
        [413] = "The body is larger than 64 KiB (`payload-too-large`).",
        [415] = "The body is not JSON (`unsupported-media-type`).",
        [422] = "This `Idempotency-Key` was used before with another body.",
        [503] = "The database is unavailable; retry later (`unavailable`)."
    };

    public void Add(int status, bool validation = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var schema = validation ? DocumentConventions.ValidationProblem : DocumentConventions.Problem;
        responses[key] = new OpenApiResponse
        {
            Description = Meaning[status],
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) }
            }
        };
    }
}
