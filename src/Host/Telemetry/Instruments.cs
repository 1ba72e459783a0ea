using System.Diagnostics.Metrics;

namespace IssueTracker.Host.Telemetry;

/// <summary>Our own meter: what the framework instruments cannot know (which command, how it ended, projection lag).</summary>
public static class Instruments
{
    public const string Name = "IssueTracker";

    private static readonly Meter Meter = new(Name);

    /// <summary>Commands by operation (raiseIssue, assignIssue, …) and outcome (accepted, invalid, conflict, …).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("issuetracker.commands", "{command}",
        "Commands received, by command and outcome");

    // issuetracker.projection.lag, per asynchronous projection shard, is observed by each host's ProjectionLagSampler.
}
