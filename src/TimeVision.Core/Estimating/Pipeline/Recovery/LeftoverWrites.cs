namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// The <c>.partial</c> files of the data folder: every local store writes a file beside its place and renames it into
/// place when whole, so a <c>.partial</c> file is a write that never finished. One older than this process can only be
/// a process's that ended mid-write (a crash, a full disk); a newer one may be a write in progress, and is kept.
/// </summary>
public static class LeftoverWrites
{
    /// <summary>What an unfinished write's file name ends with.</summary>
    public const string Suffix = ".partial";

    /// <summary>Removes the <c>.partial</c> files under <paramref name="dataDirectory"/> last written before <paramref name="before"/>.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="before">When this process started: only files written before then are removed.</param>
    /// <returns>How many were removed.</returns>
    public static int RemoveOlderThan(string dataDirectory, DateTimeOffset before)
    {
        if (!Directory.Exists(dataDirectory))
        {
            return 0;
        }

        var removed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(dataDirectory, "*" + Suffix, options))
        {
            if (File.GetLastWriteTimeUtc(path) < before.UtcDateTime && TryDelete(path))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false; // in use or not ours: left for the next start
        }
    }
}
