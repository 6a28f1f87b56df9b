using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// statx(2), this driver's one libc call, declared once for the solution: the service reads a device node's owner,
/// group and mode through it too (InternalsVisibleTo; docs/adr/0016). statx is used rather than stat because struct
/// statx has one layout on every architecture (x64, arm64 and 32-bit arm Pi), where struct stat does not.
/// </summary>
internal static partial class NativeFileType
{
    /// <summary>S_IFMT: the file type bits of a mode (sys/stat.h).</summary>
    public const int TypeMask = 0xF000;

    /// <summary>ENOSYS: what <see cref="TryStat"/> reports when the C library has no statx (glibc before 2.28).</summary>
    private const int NotImplemented = 38;

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x07FF;
    private const int StatxBufferSize = 256;

    // struct statx (linux/stat.h): u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode …
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;
    private const int StatxModeOffset = 28;

    public static UnixFileKind Get(string path)
    {
        if (!OperatingSystem.IsLinux() || !TryStat(path, out _, out _, out var mode, out _))
        {
            return UnixFileKind.Unknown;
        }

        return (mode & TypeMask) switch
        {
            0x8000 => UnixFileKind.RegularFile,
            0x2000 => UnixFileKind.CharacterDevice,
            0x1000 => UnixFileKind.Fifo,
            _ => UnixFileKind.Other,
        };
    }

    /// <summary>
    /// The owner, group and st_mode (type and permission bits) of <paramref name="path"/>, following symlinks; false
    /// with <paramref name="errno"/> (ENOENT: missing) when it cannot be examined.
    /// </summary>
    public static unsafe bool TryStat(string path, out uint ownerId, out uint groupId, out int mode, out int errno)
    {
        ownerId = groupId = 0;
        mode = 0;
        byte* buffer = stackalloc byte[StatxBufferSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                errno = Marshal.GetLastPInvokeError();
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            errno = NotImplemented;
            return false;
        }

        ownerId = *(uint*)(buffer + StatxUidOffset);
        groupId = *(uint*)(buffer + StatxGidOffset);
        mode = *(ushort*)(buffer + StatxModeOffset);
        errno = 0;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
