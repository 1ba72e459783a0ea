using Alba;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Tests.Telemetry;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace IssueTracker.Host.Tests;

/// <summary>
/// One in-process host on the real PostgreSQL for the whole suite. Tests isolate themselves by street: each test
/// works in a street (tenant) of its own, so no data reset is needed between them.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public const string SigningKey = "tests-only-signing-key-0123456789abcdef";

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>How long test tokens live; a fixture that moves its clock far ahead needs longer.</summary>
    public virtual TimeSpan TokenLifetime => TimeSpan.FromHours(8);
    public SpanLog Spans { get; } = new();
    public AuthOptions Auth => Host.Services.GetRequiredService<AuthOptions>();
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
        ?? throw new InvalidOperationException("Run the tests with scripts/test.sh, which starts PostgreSQL and sets ConnectionStrings__Marten.");

    public virtual async Task InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(ConfigureHost);
        if (RunsEveryShard) await Host.Services.WaitUntilThisHostRunsEveryShard(TimeSpan.FromSeconds(90));
    }

    /// <summary>Whether this is the suite's host, which its collection's boards rely on, or a second one beside it.</summary>
    protected virtual bool RunsEveryShard => true;

    /// <summary>The settings of every test host (the in-process one and any served on a real port).</summary>
    public void ConfigureHost(IWebHostBuilder builder)
    {
        UseTestSettings(builder);
        builder.UseSetting("Telemetry:MartenConnections", "Verbose");
        builder.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
        Configure(builder);
    }

    /// <summary>The test database and the test signing key, for every host a test starts.</summary>
    public static void UseTestSettings(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Marten", ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:Issuer", "issuetracker-tests");
        builder.UseSetting("Auth:Audience", "issuetracker");
    }

    /// <summary>What a derived fixture changes in the host (e.g. its clock).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public Street NewStreet() => new(this, "street-" + Guid.NewGuid().ToString("N")[..12]);

    public virtual async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
