using Npgsql;

namespace IssueTracker.Host.Reliability;

/// <summary>
/// Lets the host start while PostgreSQL is down. Marten's, Wolverine's and our own background services need the
/// database to start (Wolverine migrates its tables, the daemon takes its locks); when the database cannot be reached
/// at start, they are started later, as soon as it can, and until then every request but the health checks and the
/// static pages is 503 (database-unavailable) and /health/ready is 503, while /health/live is 200.
/// </summary>
public sealed class DatabaseStartup(string connectionString, ILogger<DatabaseStartup> logger)
{

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private readonly List<IHostedService> _deferred = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Task<bool>? _reachableAtStart;

    public bool Started => _started.Task.IsCompleted;

    /// <summary>Wraps the database-bound hosted services registered so far; call after every area has registered its own.</summary>
    public static void Defer(WebApplicationBuilder builder)
    {
        var bound = builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && NeedsDatabase(d)).ToList();
        builder.Services.AddSingleton(services => new DatabaseStartup(
            services.GetRequiredService<IConfiguration>().ConnectionString(), services.GetRequiredService<ILogger<DatabaseStartup>>()));
        foreach (var descriptor in bound)
        {
            var index = builder.Services.IndexOf(descriptor);
            builder.Services[index] = ServiceDescriptor.Singleton<IHostedService>(services =>
                new DeferredService(Create(services, descriptor), services.GetRequiredService<DatabaseStartup>()));
        }
    }

    public async Task Start(IHostedService service, CancellationToken ct)
    {
        _reachableAtStart ??= Reachable(ct);
        if (await _reachableAtStart)
        {
            await StartNow(service, ct);
            _started.TrySetResult();
            return;
        }
        lock (_deferred)
        {
            if (_deferred.Count == 0) _ = StartWhenReachable();
            _deferred.Add(service);
        }
    }

    public void Stop() => _stopping.Cancel();

    private async Task StartWhenReachable()
    {
        logger.LogWarning("PostgreSQL cannot be reached: serving 503 until it can, then starting the background services");
        try
        {
            while (!await Reachable(_stopping.Token)) await Task.Delay(Poll, _stopping.Token);
            List<IHostedService> services;
            lock (_deferred) services = [.. _deferred];
            foreach (var service in services) await StartNow(service, _stopping.Token);
            logger.LogInformation("PostgreSQL is reachable: the background services started");
            _started.TrySetResult();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception failure)
        {
            // Started halfway: a restart is the honest way out, as when starting failed outright.
            logger.LogCritical(failure, "The background services failed to start once PostgreSQL was reachable");
            Environment.Exit(70);
        }
    }

    private static async Task StartNow(IHostedService service, CancellationToken ct)
    {
        if (service is IHostedLifecycleService lifecycle) await lifecycle.StartingAsync(ct);
        await service.StartAsync(ct);
        if (service is IHostedLifecycleService started) await started.StartedAsync(ct);
    }

    private async Task<bool> Reachable(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseFailures.IsUnavailable(e))
        {
            return false;
        }
    }

    private static readonly string[] DatabaseBound = ["Wolverine", "Marten", "JasperFx", "Weasel", "IssueTracker"];

    private static bool NeedsDatabase(ServiceDescriptor descriptor) =>
        new[] { descriptor.ImplementationType, descriptor.ImplementationInstance?.GetType(), descriptor.ImplementationFactory?.Method.DeclaringType }
            .Any(type => type?.Assembly.GetName().Name is { } name && DatabaseBound.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

    private static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IHostedService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class DeferredService(IHostedService inner, DatabaseStartup startup) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => startup.Start(inner, cancellationToken);

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            startup.Stop();
            if (startup.Started) await inner.StopAsync(cancellationToken);
        }
    }
}

/// <summary>503 for what needs the database until <see cref="DatabaseStartup"/> has started the background services.</summary>
public sealed class DatabaseStartupGate(RequestDelegate next, DatabaseStartup startup)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (startup.Started || path.StartsWithSegments("/health/live") || !NeedsDatabase(path)) return next(context);
        context.Response.Headers.RetryAfter = FailureResponses.RetryAfterSeconds.ToString();
        return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "database-unavailable", "Database unavailable",
            $"The database cannot be reached yet; nothing was saved. Retry in {FailureResponses.RetryAfterSeconds} seconds.")
            .ExecuteAsync(context);
    }

    private static bool NeedsDatabase(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/health");
}

public static class DatabaseStartupSetup
{
    /// <summary>Call last: it wraps the hosted services the other areas registered.</summary>
    public static void AddIssueTrackerDatabaseStartup(this WebApplicationBuilder builder) => DatabaseStartup.Defer(builder);
}
