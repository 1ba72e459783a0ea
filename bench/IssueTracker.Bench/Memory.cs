namespace IssueTracker.Bench;

/// <summary>This process's resident memory from /proc (Linux): the host and the load generator share it.</summary>
public static class Memory
{
    /// <summary>Collects garbage and resets the kernel's peak-RSS mark, so the next peak belongs to what follows.</summary>
    public static bool ResetPeak()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakMb() => Read("VmHWM:");
    public static double CurrentMb() => Read("VmRSS:");

    private static double Read(string key) => Read(null, key);

    /// <summary>A value in MB from /proc/&lt;pid&gt;/status (this process's when no id is given).</summary>
    public static double Read(int? pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid?.ToString() ?? "self"}/status").FirstOrDefault(l => l.StartsWith(key));
        return line is null ? 0 : Math.Round(long.Parse(line[key.Length..].Trim().Split(' ')[0]) / 1024.0, 1);
    }
}
