using IssueTracker.Host.Infrastructure;
using JasperFx.CommandLine;

namespace IssueTracker.Host.Cli;

public sealed class RebuildInput : NetCoreInput
{
    [Description("Only this street (tenant); every street when left out")]
    public string? StreetFlag { get; set; }

    [Description("Only these projections, separated by commas (e.g. StatusBoard,AssigneeQueue); every one when left out")]
    public string? ProjectionFlag { get; set; }
}

[Description("Rebuilds projections from the event log, folding each stream in memory and writing with COPY; run it with the service stopped", Name = "rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    public override async Task<bool> Execute(RebuildInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var rebuild = host.Services.GetRequiredService<StreamRebuild>();
        var projections = input.ProjectionFlag is { } some
            ? some.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList()
            : rebuild.Rebuildable;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // One call: each street's events are read once for every projection.
            foreach (var result in await rebuild.RebuildAsync(projections, input.StreetFlag, CancellationToken.None))
                Console.WriteLine($"{result.Projection}: {result.Events:N0} events folded into {result.Documents:N0} documents, " +
                                  $"{result.Removed:N0} removed, up to sequence {result.UpTo:N0}" +
                                  (result.Refolded > 0 ? $"; {result.Refolded:N0} written meanwhile by the service and folded again" : ""));
        }
        catch (Exception refused) when (refused is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine(refused.Message);
            return false;
        }
        Console.WriteLine($"Rebuilt {projections.Count} projection(s) for {input.StreetFlag ?? "every street"} in {clock.Elapsed.TotalSeconds:F1} s.");
        return true;
    }
}
