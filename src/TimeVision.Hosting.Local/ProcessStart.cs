using System.Diagnostics;

namespace TimeVision.Hosting.Local;

/// <summary>When this process started: <c>.partial</c> files written before then belong to a process that is gone.</summary>
/// <param name="At">The start time.</param>
public sealed record ProcessStart(DateTimeOffset At)
{
    /// <summary>This process's start time, from the operating system.</summary>
    public static ProcessStart OfThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessStart(new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero));
    }
}
