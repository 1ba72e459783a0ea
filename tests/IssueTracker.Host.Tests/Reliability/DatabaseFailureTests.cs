using System.Net.Sockets;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Reliability;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace IssueTracker.Host.Tests.Reliability;

public class DatabaseFailureTests
{
    [Theory]
    [InlineData("08006", true)]
    [InlineData("57P01", true)]
    [InlineData("57P03", true)]
    [InlineData("23505", false)]
    [InlineData("22P05", false)]
    public void A_server_error_means_unavailable_only_for_connection_and_shutdown_states(string sqlState, bool unavailable) =>
        DatabaseFailures.IsUnavailable(new InvalidOperationException("wrapped",
            new PostgresException("message", "FATAL", "FATAL", sqlState))).ShouldBe(unavailable);

    [Fact]
    public void A_refused_connection_inside_wrappers_means_unavailable() =>
        DatabaseFailures.IsUnavailable(new AggregateException(new Exception("outer",
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))))).ShouldBeTrue();

    [Fact]
    public void Other_failures_are_not_taken_for_an_outage() =>
        DatabaseFailures.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();

    [Theory]
    [InlineData("Host=db;Database=it", 3, 15)]
    [InlineData("Host=db;Database=it;Timeout=10;Command Timeout=60", 10, 60)]
    public void The_connection_string_gets_short_timeouts_unless_it_sets_its_own(string configured, int timeout, int commandTimeout)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = configured }).Build();

        var builder = new NpgsqlConnectionStringBuilder(configuration.ConnectionString());

        builder.Timeout.ShouldBe(timeout);
        builder.CommandTimeout.ShouldBe(commandTimeout);
    }
}
