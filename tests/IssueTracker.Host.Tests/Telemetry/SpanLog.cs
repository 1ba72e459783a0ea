using System.Collections;
using System.Diagnostics;

namespace IssueTracker.Host.Tests.Telemetry;

/// <summary>
/// The in-memory exporter's target: keeps only the spans of traces a test watches (the suite makes many requests),
/// and is safe to read while background work exports its spans.
/// </summary>
public sealed class SpanLog : ICollection<Activity>
{
    private readonly Lock gate = new();
    private readonly HashSet<ActivityTraceId> watched = [];
    private readonly List<Activity> spans = [];

    public ActivityTraceId Watch()
    {
        var trace = ActivityTraceId.CreateRandom();
        lock (gate) watched.Add(trace);
        return trace;
    }

    public IReadOnlyList<Activity> Of(ActivityTraceId trace)
    {
        lock (gate) return spans.Where(s => s.TraceId == trace).ToList();
    }

    public void Add(Activity item)
    {
        lock (gate)
            if (watched.Contains(item.TraceId)) spans.Add(item);
    }

    public int Count { get { lock (gate) return spans.Count; } }
    public bool IsReadOnly => false;
    public void Clear() { lock (gate) spans.Clear(); }
    public bool Contains(Activity item) { lock (gate) return spans.Contains(item); }
    public void CopyTo(Activity[] array, int arrayIndex) { lock (gate) spans.CopyTo(array, arrayIndex); }
    public bool Remove(Activity item) { lock (gate) return spans.Remove(item); }
    public IEnumerator<Activity> GetEnumerator() { lock (gate) return spans.ToList().GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
