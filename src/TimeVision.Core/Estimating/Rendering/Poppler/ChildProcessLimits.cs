using System.Globalization;
using System.Runtime.InteropServices;
using CliWrap;

namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>
/// What every Poppler process runs under, on Linux: an address-space limit (<c>prlimit --as</c>), and, when this
/// process is root, another user (<c>setpriv</c>) with no way back to root's rights, killed if this process dies.
/// Both tools are util-linux's, on every Debian system; where they are missing (macOS, Windows), Poppler runs unlimited.
/// </summary>
public static partial class ChildProcessLimits
{
    private static readonly Lazy<string?> Prlimit = new(() => FindOnPath("prlimit"));
    private static readonly Lazy<string?> Setpriv = new(() => FindOnPath("setpriv"));

    /// <summary>What an out-of-memory Poppler writes on stderr: Cairo's and the C++ runtime's words for it.</summary>
    public static bool ReportsOutOfMemory(string stderr) =>
        stderr.Contains("out of memory", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("bad_alloc", StringComparison.Ordinal)
        || stderr.Contains("failed to map segment", StringComparison.Ordinal)
        || stderr.Contains("Cannot allocate memory", StringComparison.Ordinal);

    /// <summary>The command that runs <paramref name="tool"/> under <paramref name="options"/>' limits.</summary>
    public static Command Wrap(string tool, IEnumerable<string> arguments, RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> prefix = [];
        if (ChildIds(options) is { } ids && Setpriv.Value is { } setpriv)
        {
            prefix.AddRange([setpriv, $"--reuid={ids.Uid}", $"--regid={ids.Gid}", "--clear-groups", "--no-new-privs", "--pdeathsig=KILL"]);
        }

        if (options.ChildMemoryLimitMb > 0 && Prlimit.Value is { } prlimit)
        {
            var bytes = (long)options.ChildMemoryLimitMb * 1024 * 1024;
            prefix.AddRange([prlimit, string.Create(CultureInfo.InvariantCulture, $"--as={bytes}"), "--"]);
        }

        return prefix.Count == 0
            ? Cli.Wrap(tool).WithArguments(arguments)
            : Cli.Wrap(prefix[0]).WithArguments([.. prefix.Skip(1), tool, .. arguments]);
    }

    /// <summary>
    /// Gives a folder Poppler writes into to the user it runs as (<see cref="RenderingOptions.ChildUser"/>), when it runs
    /// as another user; root reads it back whatever its owner.
    /// </summary>
    public static void GiveToChild(DirectoryInfo folder, RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (ChildIds(options) is { } ids && Setpriv.Value is not null && Chown(folder.FullName, ids.Uid, ids.Gid) != 0)
        {
            throw new IOException($"Could not give '{folder.FullName}' to {ids.Uid}:{ids.Gid} (Rendering:ChildUser): errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private static (int Uid, int Gid)? ChildIds(RenderingOptions options) =>
        OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess && options.ChildUser?.Split(':') is [var uid, var gid]
            ? (int.Parse(uid, CultureInfo.InvariantCulture), int.Parse(gid, CultureInfo.InvariantCulture))
            : null;

    private static string? FindOnPath(string name) =>
        !OperatingSystem.IsLinux() ? null
        : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, int uid, int gid);
}
