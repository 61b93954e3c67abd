namespace TimeVision.Core.Storage;

/// <summary>
/// Which failures mean the disk a local store writes to is full (or the account's quota is spent): nothing more can be
/// stored until an operator frees space. Not an outage a caller can wait out, and not a bug: the API answers it with
/// <c>507 storage_full</c>.
/// </summary>
public static class StorageFull
{
    private const int NoSpaceErrno = 28; // ENOSPC on Linux and macOS
    private const int QuotaErrnoLinux = 122; // EDQUOT on Linux
    private const int QuotaErrnoMac = 69; // EDQUOT on macOS
    private const int DiskFullWindows = unchecked((int)0x80070070); // ERROR_DISK_FULL
    private const int HandleDiskFullWindows = unchecked((int)0x80070027); // ERROR_HANDLE_DISK_FULL

    /// <summary>Whether <paramref name="exception"/>, thrown by a file write, says the disk is full.</summary>
    public static bool Is(Exception exception) => exception switch
    {
        IOException io => io.HResult is NoSpaceErrno or DiskFullWindows or HandleDiskFullWindows
            || (OperatingSystem.IsLinux() && io.HResult == QuotaErrnoLinux)
            || (OperatingSystem.IsMacOS() && io.HResult == QuotaErrnoMac),
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
