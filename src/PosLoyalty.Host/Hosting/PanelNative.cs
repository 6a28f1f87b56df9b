using System.Runtime.InteropServices;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The one libc call the in-process panel needs that .NET has no API for: pointing stderr at the log file. (The panel
/// socket's own calls, the group lookup and chgrp, live with the socket in the service's Interop/Libc.)
/// </summary>
internal static class PanelNative
{
    /// <summary>Makes file descriptor 2 write to <paramref name="handle"/>: stray stderr output can no longer reach the terminal.</summary>
    public static void RedirectStandardError(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (dup2((int)handle.DangerousGetHandle(), 2) < 0)
        {
            throw new IOException($"dup2 onto stderr failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int dup2(int oldFd, int newFd);
}
