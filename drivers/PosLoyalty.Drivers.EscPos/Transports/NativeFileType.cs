using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// The type of a path, read with statx(2). statx is used rather than stat because struct statx
/// has one layout on every architecture (x64, arm64 and 32-bit arm Pi), where struct stat does not.
/// </summary>
internal static partial class NativeFileType
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x0001;
    private const int StatxBufferSize = 256;
    private const int StatxModeOffset = 28; // __u16 stx_mode after stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid
    private const int FileTypeMask = 0xF000;

    public static unsafe UnixFileKind Get(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return UnixFileKind.Unknown;
        }

        byte* buffer = stackalloc byte[StatxBufferSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return UnixFileKind.Unknown;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.28 has no statx wrapper.
            return UnixFileKind.Unknown;
        }

        var mode = *(ushort*)(buffer + StatxModeOffset) & FileTypeMask;
        return mode switch
        {
            0x8000 => UnixFileKind.RegularFile,
            0x2000 => UnixFileKind.CharacterDevice,
            0x1000 => UnixFileKind.Fifo,
            _ => UnixFileKind.Other,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
