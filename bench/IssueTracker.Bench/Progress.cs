using System.Diagnostics;

namespace IssueTracker.Bench;

/// <summary>Progress lines on stderr, so stdout carries only the Markdown table.</summary>
public static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Say(string message) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
