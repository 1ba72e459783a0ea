using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// A request that cannot reach PostgreSQL answers 503 with Retry-After rather than 500: the caller did nothing wrong
/// and may simply try again (nothing was saved, as every command commits in one transaction).
/// </summary>
internal sealed class DatabaseUnavailable(ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnreachable(exception) || context.Response.HasStarted) return false;
        logger.LogError(exception, "The database is unreachable");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        await Problems.Problem(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service unavailable",
            "The database cannot be reached just now; nothing was saved. Try again shortly.").ExecuteAsync(context);
        return true;
    }

    private static bool IsUnreachable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException or TimeoutException) return true;
            if (exception is NpgsqlException { IsTransient: true } and not PostgresException) return true;
            if (exception is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true;
        }
        return false;
    }
}
