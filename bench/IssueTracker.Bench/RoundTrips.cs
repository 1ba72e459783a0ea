using System.Diagnostics.Metrics;

namespace IssueTracker.Bench;

/// <summary>
/// Counts the database operations (round trips: a batch is one) that Npgsql reports in this process, to tell how many
/// a command costs. The async daemon's polling and projecting are counted too, so a figure is a small overestimate.
/// </summary>
public static class RoundTrips
{
    private static long _count;
    private static readonly MeterListener Listener = new();

    public static long Count => Interlocked.Read(ref _count);

    public static void Start()
    {
        Listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        Listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
        Listener.Start();
    }

    /// <summary>Runs a load and divides the round trips it caused by its operations.</summary>
    public static async Task<(LoadResult Result, double PerOperation)> MeasureAsync(Func<Task<LoadResult>> run)
    {
        var before = Count;
        var result = await run();
        return (result, result.Operations == 0 ? 0 : Math.Round((Count - before) / (double)result.Operations, 2));
    }
}
