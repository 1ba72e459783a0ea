using System.Net.Sockets;
using Npgsql;

namespace IssueTracker.Host.Reliability;

/// <summary>Tells a database that cannot be reached apart from a database that refused a statement.</summary>
public static class DatabaseFailures
{
    /// <summary>
    /// True when the exception (or one it wraps, as Marten and Wolverine do) means PostgreSQL could not be reached or
    /// went away: connection errors, timeouts and the server's connection-class (08…) and shutdown (57P0x) states.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(e => e switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal),
        NpgsqlException or SocketException or TimeoutException => true,
        _ => false
    });

    public static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (current.InnerException is { } inner) pending.Push(inner);
        }
    }
}
