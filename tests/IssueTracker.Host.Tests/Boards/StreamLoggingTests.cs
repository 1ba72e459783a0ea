using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace IssueTracker.Host.Tests.Boards;

/// <summary>A host logging everything, at every level, to a list the test reads.</summary>
public sealed class VerboseLogFixture : AppFixture, ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(this));
    }

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    void IDisposable.Dispose()
    {
    }

    private sealed class Capture(VerboseLogFixture fixture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            fixture.Lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            fixture.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

public class StreamLoggingTests(VerboseLogFixture app) : IClassFixture<VerboseLogFixture>
{
    [Fact]
    public async Task No_ticket_or_token_in_a_url_is_logged_at_any_level()
    {
        var street = app.NewStreet();
        var ticket = (await street.Reporter.Post("/api/boards/stream-ticket", new { })).ShouldHaveStatus(HttpStatusCode.OK).Text("ticket");
        using var client = app.Host.Server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using (var response = await client.GetAsync($"/api/boards/stream?ticket={ticket}", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
            (await reader.ReadLineAsync(timeout.Token)).ShouldBe("event: changed");
        }
        (await client.GetAsync($"/api/boards/stream?access_token={street.Reporter.Token}", timeout.Token))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await street.Anonymous.Get($"/api/boards/overdue?access_token={street.Reporter.Token}")).ShouldHaveStatus(HttpStatusCode.Unauthorized);

        app.Lines.ShouldContain(line => line.Contains("/api/boards/stream"), "the host logged nothing about the requests");
        app.Lines.ShouldNotContain(line => line.Contains(ticket));
        app.Lines.ShouldNotContain(line => line.Contains(street.Reporter.Token!));
    }
}
