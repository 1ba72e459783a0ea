using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace IssueTracker.Host.Tests.Deadlines;

/// <summary>
/// A host whose clock the tests move. Deadline timers are scheduled for real (persisted by the assign request's
/// transaction as Wolverine scheduled envelopes, at the fake clock's time); <see cref="AdvanceAsync"/> moves the clock
/// and hands every envelope due by it to Wolverine's own scheduled-message polling, then waits until each was handled.
/// The host can be restarted against the same database with the same clock.
/// </summary>
public sealed class ClockFixture : AppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    // Tokens are validated against the moved clock too: they must outlive every jump the tests make.
    public override TimeSpan TokenLifetime => TimeSpan.FromDays(365);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Timers left by earlier runs would be released along with this run's.
        await Host.Services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();
    }

    protected override void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.ConfigureWolverine(options =>
        {
            options.Durability.Mode = DurabilityMode.Solo;
            options.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
            options.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(100);
        });
    });

    public async Task RestartAsync()
    {
        await base.DisposeAsync();
        await base.InitializeAsync();
    }

    /// <summary>Moves the clock; returns how many deadline timers came due and were handled.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await using var db = new NpgsqlConnection(ConnectionString);
        await db.OpenAsync();
        var due = new List<Guid>();
        await using (var release = new NpgsqlCommand(
            $"update {CritterStackSetup.Schema}.wolverine_incoming_envelopes set execution_time = least(now(), @now) " +
            "where status = 'Scheduled' and message_type = @type and execution_time <= @now returning id", db))
        {
            release.Parameters.AddWithValue("now", Clock.GetUtcNow());
            release.Parameters.AddWithValue("type", typeof(DeadlineDue).FullName!);
            await using var reader = await release.ExecuteReaderAsync();
            while (await reader.ReadAsync()) due.Add(reader.GetGuid(0));
        }

        await using var pending = new NpgsqlCommand(
            $"select count(*) from {CritterStackSetup.Schema}.wolverine_incoming_envelopes " +
            "where id = any(@ids) and status in ('Scheduled', 'Incoming')", db);
        pending.Parameters.AddWithValue("ids", due.ToArray());
        var giveUp = DateTime.UtcNow + Patience;
        while ((long)(await pending.ExecuteScalarAsync())! > 0)
        {
            if (DateTime.UtcNow > giveUp) throw new TimeoutException($"Deadline timers not handled within {Patience}.");
            await Task.Delay(50);
        }
        return due.Count;
    }
}

[CollectionDefinition(Name)]
public sealed class ClockCollection : ICollectionFixture<ClockFixture>
{
    public const string Name = "clock";
}
