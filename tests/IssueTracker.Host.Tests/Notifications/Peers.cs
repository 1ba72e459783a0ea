using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace IssueTracker.Host.Tests.Notifications;

/// <summary>A real SMTP server (the SmtpServer library) on 127.0.0.1 that keeps what it receives.</summary>
public sealed class MailSink : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; } = Reliability.Faults.HostProcess.FreePort();
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public MailSink Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return this;
    }

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
        return SmtpResponse.Ok;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopped */ }
    }
}

/// <summary>One request a receiver got: its headers and body.</summary>
public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP receiver (Kestrel) on 127.0.0.1: <c>/ok/*</c> answers 200, <c>/flaky/*</c> 500 to its first three requests,
/// <c>/down/*</c> 500 until healed, <c>/wecom/*</c> as a WeCom robot does.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentDictionary<string, bool> Healed { get; } = new();
    public Uri Address { get; } = new($"http://127.0.0.1:{Reliability.Faults.HostProcess.FreePort()}");

    public Receiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Address.ToString());
        _app = builder.Build();
        _app.Map("/{kind}/{name}", async (string kind, string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(request.Path, request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body));
            var calls = _calls.AddOrUpdate(request.Path, 1, (_, n) => n + 1);
            return kind switch
            {
                "flaky" when calls <= 3 => Results.StatusCode(500),
                "down" when !Healed.ContainsKey(name) => Results.StatusCode(500),
                "wecom" => Results.Json(new { errcode = 0, errmsg = "ok" }),
                _ => Results.Ok()
            };
        });
    }

    public string Url(string kind, string name) => new Uri(Address, $"/{kind}/{name}").ToString();

    public IReadOnlyList<Received> At(string kind, string name) => Requests.Where(r => r.Path == $"/{kind}/{name}").ToList();

    public async Task<Receiver> StartAsync()
    {
        await _app.StartAsync();
        return this;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public static class Eventually
{
    /// <summary>Waits (bounded) until the condition holds; the bound is patience, not a timing assertion.</summary>
    public static async Task Holds(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds)) throw new TimeoutException($"Not within {seconds} s: {what}");
            await Task.Delay(100);
        }
    }

    public static Task Holds(Func<bool> condition, string what, int seconds = 30) => Holds(() => Task.FromResult(condition()), what, seconds);
}

/// <summary>Keeps every log line the host writes, to show what it never logs.</summary>
public sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
