using System.Runtime.InteropServices;
using System.Text;
using PosLoyalty.Service.Interop;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The few libc calls the panel socket needs that .NET has no API for: our own ids (the service's Interop.Libc
/// declares those; docs/adr/0013), a group's id by name, chgrp on the socket, and pointing stderr at the log file.
/// Classic DllImport, as in Service/Interop/Libc.
/// </summary>
internal static class PanelNative
{
    /// <summary>uid_t/gid_t -1: "leave unchanged" for chown(2).</summary>
    public const uint Unchanged = uint.MaxValue;

    public static uint EffectiveUserId => Libc.EffectiveUserId();

    public static uint EffectiveGroupId => Libc.EffectiveGroupId();

    /// <summary>The gid of a group from getgrnam(3) (NSS included), or null when there is no such group.</summary>
    public static uint? GroupId(string name)
    {
        var entry = getgrnam(NullTerminated(name));
        if (entry == IntPtr.Zero)
        {
            return null;
        }

        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; } (grp.h)
        return unchecked((uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size));
    }

    /// <summary>chgrp: keeps the owner; throws with errno when refused.</summary>
    public static void ChangeGroup(string path, uint gid)
    {
        if (chown(NullTerminated(path), Unchanged, gid) != 0)
        {
            throw new IOException($"chgrp {gid} '{path}' failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Makes file descriptor 2 write to <paramref name="handle"/>: stray stderr output can no longer reach the terminal.</summary>
    public static void RedirectStandardError(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (dup2((int)handle.DangerousGetHandle(), 2) < 0)
        {
            throw new IOException($"dup2 onto stderr failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static byte[] NullTerminated(string text) => Encoding.UTF8.GetBytes(text + "\0");

    [DllImport("libc", EntryPoint = "getgrnam", SetLastError = true)]
    private static extern IntPtr getgrnam(byte[] name);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int chown(byte[] path, uint owner, uint group);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int dup2(int oldFd, int newFd);
}
