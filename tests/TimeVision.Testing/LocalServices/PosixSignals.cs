using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// SIGTERM for a child process: .NET's <c>Process.Kill</c> sends only SIGKILL, which gives a service no chance to
/// save what it holds (Azurite writes its blob index to disk when it closes).
/// </summary>
internal static class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks process <paramref name="processId"/> to end.</summary>
    public static void Terminate(int processId)
    {
        if (Kill(processId, SigTerm) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            const int NoSuchProcess = 3;
            if (error != NoSuchProcess)
            {
                throw new Win32Exception(error);
            }
        }
    }

    // DllImport rather than LibraryImport: the latter's generated code needs unsafe blocks, and this call marshals nothing.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int processId, int signal);
}
