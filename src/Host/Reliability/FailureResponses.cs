using JasperFx;
using Microsoft.AspNetCore.Diagnostics;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// Answers the failures a client can do something about with a problem instead of a 500: an unreachable database is
/// 503 with Retry-After (retry the same request, with its Idempotency-Key), and a second request racing the first one
/// with the same Idempotency-Key is 409. Logged without the request body, which may hold residents' contacts.
/// </summary>
public sealed class FailureResponses(ILogger<FailureResponses> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (context.Response.HasStarted) return false;

        if (DatabaseFailures.IsUnavailable(exception))
        {
            logger.LogWarning("{Method} {Path}: the database is unavailable ({Error})", context.Request.Method,
                context.Request.Path, exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
            await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "database-unavailable", "Database unavailable",
                $"The database cannot be reached right now; nothing was saved. Retry in {RetryAfterSeconds} seconds.")
                .ExecuteAsync(context);
            return true;
        }

        if (DatabaseFailures.Chain(exception).OfType<DocumentAlreadyExistsException>()
            .Any(e => e.DocumentType == typeof(IdempotencyRecord)))
        {
            logger.LogInformation("{Method} {Path}: a concurrent request with the same Idempotency-Key won",
                context.Request.Method, context.Request.Path);
            await Idempotency.KeyInUse().ExecuteAsync(context);
            return true;
        }

        // Marten refuses Guid.Empty as a stream id (a route's 00000000-… or a body's missing issueId): no such record.
        if (exception is ArgumentOutOfRangeException { ParamName: "id", Source: "Marten" })
        {
            await Problems.NotFound("record").ExecuteAsync(context);
            return true;
        }

        return false;
    }
}
